// Grid over the statute ranker's weights on the TRAIN split only (5-fold, see bench/lib/ranker.ts), in memory;
// the hand-tuned score alone (the learned article order on top of it was trained on these questions).
// npx tsx bench/tune-ranker.ts '[{"knowledge":2},{"lawPrior":0.3,"expansion":0.3}]'
// ("expansion" is the build-time document-expansion weight; the other keys are StatuteRankerTuning.)
// BENCH_FOLDS=10 changes the number of folds (more folds = more known questions per ranker).
import { resolve } from 'node:path'
import { rewriteQuery } from '../server/domain/search/query'
import type { StatuteRankerTuning } from '../server/domain/search/statute-ranker'
import { trainKnowledge } from './lib/knowledge'
import { foldOf, rankerFor } from './lib/ranker'
import { add, fmt, score, zero } from './lib/metrics'
import { SHARED, isDev, loadDefaultCorpus, loadLexicon, loadQuestions } from './lib/data'

async function main() {
  const grid: Array<Partial<StatuteRankerTuning> & { expansion?: number }> = [{}, ...JSON.parse(process.argv[2] ?? '[]')]
  const lexicon = loadLexicon()
  const all = await loadQuestions(resolve(SHARED, 'eval/stard_train.jsonl'))
  const docs = await loadDefaultCorpus()
  const kb = trainKnowledge(all, true)
  const train = all.filter(q => !isDev(q.id)).sort((a, b) => foldOf(a.id) - foldOf(b.id)).map(q => ({ q, rw: rewriteQuery(q.question, lexicon) }))
  const byExpansion = new Map<number | undefined, ReturnType<typeof rankerFor>>()
  for (const { expansion, ...tuning } of grid) {
    let rankers = byExpansion.get(expansion)
    if (!rankers) { rankers = rankerFor(docs, kb, { expansionWeight: expansion, expansion: expansion !== 0 }); byExpansion.set(expansion, rankers) }
    let m = zero()
    for (const { q, rw } of train) {
      const r = rankers(q.id)
      m = add(m, score(r.ranker.rank(rw, r.knowledge, { depth: 100, tuning, model: null }).ranked.map(x => x.id), q.relevant))
    }
    const [h5, h10, , r100] = fmt(m)
    console.log(`${JSON.stringify({ expansion, ...tuning }).padEnd(70)} hit@5 ${h5} hit@10 ${h10} recall@100 ${r100}`)
  }
}
main().catch((e) => { console.error(e); process.exit(1) })
