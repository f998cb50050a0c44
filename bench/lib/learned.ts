// The nested 5-fold score of the learned article order on cached candidate features (train split only):
// each fold re-ordered by a model trained on the other folds' questions. Shared by learn-ranker.ts
// --quick and learn-ranker-extra.ts.
import { modelScore, trainArticleModel } from '../../server/domain/search/article-model'
import { FOLDS } from './ranker'
import { add, score, zero, type Metrics } from './metrics'

export interface CandidateRow { q: { relevant: string[] }, fold: number, ids: string[], features: number[][], relevant: boolean[] }

/** The candidates' own (hand-tuned) order and the learned order, scored over all folds. */
export function nestedScores(rows: readonly CandidateRow[], opts: { epochs?: number, l2?: number, below?: number, trees?: number }): { base: Metrics, learned: Metrics } {
  let base = zero(), learned = zero()
  for (let f = 0; f < FOLDS; f++) {
    const model = trainArticleModel(rows.filter(r => r.fold !== f), opts)
    for (const r of rows.filter(r => r.fold === f)) {
      base = add(base, score(r.ids, r.q.relevant))
      const order = r.ids.map((id, i) => ({ id, s: modelScore(model, r.features[i]!) })).sort((a, b) => b.s - a.s).map(x => x.id)
      learned = add(learned, score(order, r.q.relevant))
    }
  }
  return { base, learned }
}
