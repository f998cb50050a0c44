// Dumps the production ranking (depth 200) of every question under the bench protocol (train: 5-fold,
// dev: train knowledge; train questions in the hand-tuned order, dev in production order) to a JSON file, for offline miss analysis and re-ranking experiments.
// npx tsx bench/search-quality-dump.ts <out.json>
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { rewriteQuery } from '../server/domain/search/query'
import { trainKnowledge } from './lib/knowledge'
import { benchModel, foldOf, rankerFor } from './lib/ranker'
import { SHARED, isDev, loadDefaultCorpus, loadLexicon, loadQuestions } from './lib/data'

async function main() {
  const out = process.argv[2] ?? '/tmp/quality/ranks.json'
  const lexicon = loadLexicon()
  const all = await loadQuestions(resolve(SHARED, 'eval/stard_train.jsonl'))
  const docs = await loadDefaultCorpus()
  const kb = trainKnowledge(all, true)
  const rankers = rankerFor(docs, kb)
  const qs = [...all].sort((a, b) => (isDev(a.id) ? -1 : foldOf(a.id)) - (isDev(b.id) ? -1 : foldOf(b.id)))
  const rows = []
  for (const q of qs) {
    const r = rankers(q.id)
    const res = r.ranker.rank(rewriteQuery(q.question, lexicon), r.knowledge, { depth: 200, model: benchModel(q.id) })
    rows.push({ id: q.id, dev: isDev(q.id), fold: isDev(q.id) ? -1 : foldOf(q.id), question: q.question, relevant: q.relevant, ranked: res.ranked.map(x => [x.id, Math.round(x.score * 1e4) / 1e4]) })
  }
  writeFileSync(out, JSON.stringify(rows))
  console.log(`${rows.length} questions → ${out}`)
}
main().catch((e) => { console.error(e); process.exit(1) })
