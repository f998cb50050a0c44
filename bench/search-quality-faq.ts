// Team-written 常见问法 per article (content/faq) as knowledge: does it find the expert's article for
// questions nobody wrote them from? Train split, 5-fold (a question is never ranked with its own fold's
// links); the FAQ questions were written from the article text alone, never from STARD.
//   npx tsx bench/search-quality-faq.ts [--content DIR (holding faq/*.jsonl)] [--dev] [--grid '[{"name":…,"expansion":0.2,"neighbours":1}]']
// expansion: the FAQ questions' terms count this much in the article they were written for (0: not at all);
// neighbours: how much an FAQ question's similarity counts among the similar known questions (0: left out);
// tuning: StatuteRankerTuning for the variant (e.g. {"neighbours": 20}).
import { resolve } from 'node:path'
import { rewriteQuery } from '../server/domain/search/query'
import { DEFAULT_EXPANSION_WEIGHT, KnownQuestionNeighbours, StatuteRankerBuilder, knowledgeWeight, type StatuteRanker, type StatuteRankerTuning } from '../server/domain/search/statute-ranker'
import { trainKnowledge } from './lib/knowledge'
import { foldOf } from './lib/ranker'
import { add, fmt, score, zero } from './lib/metrics'
import { SHARED, isDev, loadDefaultCorpus, loadLexicon, loadQuestions } from './lib/data'
import { loadFaqKnowledge } from '../server/domain/cases/content'

interface Variant { name: string, expansion: number, neighbours: number, tuning?: Partial<StatuteRankerTuning> }

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function main() {
  const dev = process.argv.includes('--dev')
  const faq = loadFaqKnowledge(arg('--content') ?? resolve(process.cwd(), 'content'))
  const covered = new Set(faq.flatMap(f => f.statuteIds))
  console.log(`FAQ: ${faq.reduce((n, f) => n + f.question.split('\n').length, 0)} questions over ${covered.size} articles (one known-question row an article)`)
  const variants: Variant[] = [{ name: 'production (no FAQ)', expansion: 0, neighbours: 0 }, ...(arg('--grid')
    ? JSON.parse(arg('--grid')!) as Variant[]
    : [{ name: 'FAQ as known questions', expansion: 0.2, neighbours: 1 }, { name: 'expansion 0.2 only', expansion: 0.2, neighbours: 0 }, { name: 'neighbours 1 only', expansion: 0, neighbours: 1 }, { name: 'expansion 0.1, neighbours 0.5', expansion: 0.1, neighbours: 0.5 }])]
  const lexicon = loadLexicon()
  const all = await loadQuestions(resolve(SHARED, 'eval/stard_train.jsonl'))
  const docs = await loadDefaultCorpus()
  const kb = trainKnowledge(all, true).filter(k => k.source !== 'faq')
  const qs = all.filter(q => isDev(q.id) === dev)
  const folds = dev ? [-1] : [0, 1, 2, 3, 4]
  const sums = variants.map(() => zero())
  const coveredSums = variants.map(() => zero())
  const hits = variants.map(() => new Map<string, number>())
  let nCovered = 0
  for (const fold of folds) {
    const known = kb.filter(k => k.source !== 'stard' || fold < 0 || foldOf(k.id) !== fold)
    const mine = qs.filter(q => fold < 0 || foldOf(q.id) === fold)
    const rws = mine.map(q => rewriteQuery(q.question, lexicon))
    const builds = new Map<number, StatuteRanker>()
    for (const [vi, v] of variants.entries()) {
      let ranker = builds.get(v.expansion)
      // the production mechanism: the FAQ's source weights (× the expansion weight, × the similarity)
      const weights = { faq: { expansion: v.expansion / DEFAULT_EXPANSION_WEIGHT, neighbours: v.neighbours } }
      if (!ranker) {
        const b = new StatuteRankerBuilder({ known: [...known, ...faq], sourceWeights: weights })
        for (const d of docs) b.add(d)
        ranker = b.build()
        builds.set(v.expansion, ranker)
      }
      const knowledge = new KnownQuestionNeighbours(ranker.index, [...known, ...faq], { weightOf: k => knowledgeWeight(k, 'neighbours', weights) })
      mine.forEach((q, i) => {
        const ids = ranker!.rank(rws[i]!, knowledge, { depth: 100, model: null, tuning: v.tuning }).ranked.map(x => x.id)
        const m = score(ids, q.relevant)
        sums[vi] = add(sums[vi]!, m)
        hits[vi]!.set(q.id, m.hit10)
        if (q.relevant.some(r => covered.has(r))) coveredSums[vi] = add(coveredSums[vi]!, m)
      })
    }
    nCovered += mine.filter(q => q.relevant.some(r => covered.has(r))).length
    console.error(`fold ${fold} done`)
  }
  console.log(`\n${dev ? 'dev (unseen)' : 'train 5-fold'}: ${qs.length} questions, ${nCovered} with an expert article the FAQ covers`)
  console.log('| variant | n | hit@5 | hit@10 | recall@10 | recall@100 | MRR | hit@10 gained / lost | covered: hit@10, recall@100 |')
  console.log('|---|---|---|---|---|---|---|---|---|')
  variants.forEach((v, i) => {
    let gained = 0, lost = 0
    for (const [id, h] of hits[i]!) { const b = hits[0]!.get(id)!; if (h > b) gained++; if (h < b) lost++ }
    const c = fmt(coveredSums[i]!)
    console.log(`| ${v.name} | ${sums[i]!.n} | ${fmt(sums[i]!).join(' | ')} | +${gained} / −${lost} | ${c[1]}, ${c[3]} |`)
  })
}

await main()
