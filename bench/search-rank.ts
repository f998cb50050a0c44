// In-process speed of the statute ranking (no HTTP, no engine): the production ranker built over
// the full statute corpus (the dataset file's order; or the default corpus) with the production
// knowledge (train questions + the cases' 常见问法), ranking the shuffled STARD questions the HTTP
// bench asks, page 1 (ten articles): the pruned ranking production uses against the exhaustive one
// (every article scored), interleaved, with wall and CPU time, and whether their answers differ.
//   npx tsx bench/search-rank.ts [--corpus full|default] [--questions 500] [--pruned-only]
//     [--save FILE | --compare FILE]   (the first 100 of each answer, to compare two versions of the code)
import { join } from 'node:path'
import { readFileSync, writeFileSync } from 'node:fs'
import { toStatuteDoc, type StatuteRecord, type StatuteDoc } from '../server/domain/search/statute-doc'
import { rewriteQuery } from '../server/domain/search/query'
import { rankPage } from '../server/domain/cases/search'
import type { RankStats } from '../server/domain/search/statute-ranker'
import { SHARED, readJsonl, editorialNotInForceLaws, loadDefaultCorpus, loadQuestions, loadLexicon } from './lib/data'
import { trainKnowledge } from './lib/knowledge'
import { buildBenchRanker } from './lib/ranker'
import { percentile, shuffledTrainQuestions } from './lib/http'

const args = process.argv.slice(2)
const opt = (name: string, d: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1]! : d }
const corpus = opt('corpus', 'full')
const n = Number(opt('questions', '500'))

async function fullCorpus(): Promise<StatuteDoc[]> {
  const marked = editorialNotInForceLaws()
  const docs = new Map<string, StatuteDoc>()
  for await (const r of readJsonl<StatuteRecord>(join(SHARED, 'statutes/statutes.jsonl.gz'))) docs.set(r.id, toStatuteDoc(marked.has(r.law_id) ? { ...r, in_force: false } : r))
  for await (const r of readJsonl<StatuteRecord>(join(SHARED, 'statutes/statutes_priority.jsonl'))) if (!docs.has(r.id)) docs.set(r.id, toStatuteDoc(marked.has(r.law_id) ? { ...r, in_force: false } : r))
  return [...docs.values()]
}

const cpuMs = (c0: NodeJS.CpuUsage) => { const c = process.cpuUsage(c0); return (c.user + c.system) / 1000 }

async function main() {
  const lexicon = loadLexicon()
  const docs = corpus === 'full' ? await fullCorpus() : await loadDefaultCorpus()
  const qs = await loadQuestions(join(SHARED, 'eval/stard_train.jsonl'))
  const t = performance.now()
  const r = buildBenchRanker(docs, trainKnowledge(qs, true))
  console.log(`${corpus} corpus: ${docs.length} records, ${r.ranker.size} articles in force ranked, ${r.ranker.index.postings} postings; built in ${((performance.now() - t) / 1000).toFixed(1)} s`)
  const questions = (await shuffledTrainQuestions()).slice(0, n)
  for (const q of questions.slice(-50)) rankPage(r, rewriteQuery(q, lexicon), 0, 10, q) // warm-up
  // the two rankings, interleaved question by question (same load), and whether they answer the same
  const times = { pruned: [] as number[], exhaustive: [] as number[] }
  const cpu = { pruned: 0, exhaustive: 0 }
  let differ = 0, pruned = 0, candidates = 0, fullTerms = 0, allTerms = 0
  for (const q of questions) {
    const rw = rewriteQuery(q, lexicon)
    const stats: RankStats = { pruned: false, candidates: 0, fullTerms: 0, terms: 0 }
    let c0 = process.cpuUsage(), t0 = performance.now()
    const fast = r.ranker.rank(rw, r.knowledge, { depth: 10, stats })
    times.pruned.push(performance.now() - t0); cpu.pruned += cpuMs(c0)
    if (stats.pruned) pruned++
    candidates += stats.candidates
    fullTerms += stats.fullTerms; allTerms += stats.terms
    if (args.includes('--pruned-only')) continue
    c0 = process.cpuUsage(); t0 = performance.now()
    const all = r.ranker.rank(rw, r.knowledge, { depth: 10, exhaustive: true })
    times.exhaustive.push(performance.now() - t0); cpu.exhaustive += cpuMs(c0)
    if (JSON.stringify(fast) !== JSON.stringify(all)) differ++
  }
  // --save FILE keeps the answers (ids, scores, total, match of the first 100); --compare FILE counts
  // the questions whose answer differs from a saved run (e.g. of the code before a change)
  const save = opt('save', ''), compare = opt('compare', '')
  if (save || compare) {
    const answers = questions.map(q => r.ranker.rank(rewriteQuery(q, lexicon), r.knowledge, { depth: 100, exhaustive: Boolean(save) }))
    if (save) writeFileSync(save, JSON.stringify(answers))
    if (compare) {
      const old = JSON.parse(readFileSync(compare, 'utf8')) as typeof answers
      const ids = answers.filter((a, i) => JSON.stringify(a.ranked.map(x => x.id)) !== JSON.stringify(old[i]?.ranked.map(x => x.id))).length
      const exact = answers.filter((a, i) => JSON.stringify(a) !== JSON.stringify(old[i])).length
      const maxRel = Math.max(0, ...answers.flatMap((a, i) => a.ranked.map((x, k) => Math.abs(x.score - (old[i]?.ranked[k]?.score ?? NaN)) / Math.max(x.score, 1e-9))))
      answers.forEach((a, i) => {
        const o = old[i]!.ranked
        const k = a.ranked.findIndex((x, j) => x.id !== o[j]?.id)
        if (k >= 0) console.log(`  question ${i}: first difference at rank ${k + 1}: ${a.ranked.slice(k, k + 2).map(x => `${x.id} ${x.score}`).join(', ')} (before: ${o.slice(k, k + 2).map(x => `${x.id} ${x.score}`).join(', ')})`)
      })
      console.log(`against ${compare}: first 100 ids differ for ${ids} of ${answers.length} questions; ids, scores, total or match differ for ${exact}; largest relative score difference ${maxRel.toExponential(1)}`)
    }
  }
  console.log(`${questions.length} questions, one at a time (ranking only, page 1); load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`)
  for (const [k, xs] of Object.entries(times)) {
    xs.sort((a, b) => a - b)
    console.log(`${k.padEnd(10)} wall p50 ${percentile(xs, 50).toFixed(2)} ms  p95 ${percentile(xs, 95).toFixed(2)} ms   CPU mean ${(cpu[k as keyof typeof cpu] / questions.length).toFixed(2)} ms`)
  }
  console.log(`pruned ${pruned} of ${questions.length}; articles scored exactly: mean ${(candidates / questions.length).toFixed(0)} of ${r.ranker.size}; query terms read in full: ${fullTerms} of ${allTerms}; answers that differ from the exhaustive ranking: ${differ}`)
}

main().catch((e) => { console.error(e); process.exit(1) })
