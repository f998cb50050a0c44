// The nested 5-fold score of the learned article order on cached candidate features (train split only):
// each fold re-ordered by a model trained on the other folds' questions. Shared by learn-ranker.ts
// --quick and learn-ranker-extra.ts. And the candidate features of every STARD question (both splits)
// for the production model (learn-ranker.ts --write) and bench/learning-curve.ts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { modelScore, trainArticleModel, type ArticleModel } from '../../server/domain/search/article-model'
import { rewriteQuery } from '../../server/domain/search/query'
import type { Lexicon } from '../../server/domain/search/lexicon'
import type { RankerStatute } from '../../server/domain/search/statute-ranker'
import { FOLDS, buildBenchRanker, foldOf } from './ranker'
import { productionKnowledge } from './knowledge'
import { isDev, type Question } from './data'
import { add, score, zero, type Metrics } from './metrics'

export interface CandidateRow { q: { relevant: string[] }, fold: number, ids: string[], features: number[][], relevant: boolean[] }

/** A row's candidate ids in the model's order. */
export function learnedOrder(model: ArticleModel, r: Pick<CandidateRow, 'ids' | 'features'>): string[] {
  return r.ids.map((id, i) => ({ id, s: modelScore(model, r.features[i]!) })).sort((a, b) => b.s - a.s).map(x => x.id)
}

/** The candidates' own (hand-tuned) order and the learned order, scored over all folds. */
export function nestedScores(rows: readonly CandidateRow[], opts: { epochs?: number, l2?: number, below?: number, trees?: number }): { base: Metrics, learned: Metrics } {
  let base = zero(), learned = zero()
  for (let f = 0; f < FOLDS; f++) {
    const model = trainArticleModel(rows.filter(r => r.fold !== f), opts)
    for (const r of rows.filter(r => r.fold === f)) {
      base = add(base, score(r.ids, r.q.relevant))
      learned = add(learned, score(learnedOrder(model, r), r.q.relevant))
    }
  }
  return { base, learned }
}

export interface QuestionRow extends CandidateRow { q: Question, dev: boolean }

/**
 * Every STARD question (train and dev split) with the candidates and features of the ranker of the other
 * folds (5 folds over all questions, by foldOf): the knowledge production seeds (all questions and the team's
 * content) without the question's fold, so no question is ever ranked with its own links. `cacheFile` keeps
 * the features between runs (~50 s to compute).
 */
export async function allQuestionRows(all: readonly Question[], docs: () => Promise<readonly RankerStatute[]>, lexicon: Lexicon, cacheFile?: string): Promise<QuestionRow[]> {
  const row = (q: Question, c: { ids: string[], features: number[][] }): QuestionRow => {
    const rel = new Set(q.relevant)
    return { q, dev: isDev(q.id), fold: foldOf(q.id), ids: c.ids, features: c.features, relevant: c.ids.map(id => rel.has(id)) }
  }
  const cached = cacheFile && existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, 'utf8')) as Array<{ ids: string[], features: number[][] }> : undefined
  if (cached?.length === all.length) return all.map((q, i) => row(q, cached[i]!))
  const corpus = await docs()
  const kb = productionKnowledge(all, [], true).docs
  const byId = new Map<string, { ids: string[], features: number[][] }>()
  for (let f = 0; f < FOLDS; f++) {
    const r = buildBenchRanker(corpus, kb.filter(k => k.source !== 'stard' || foldOf(k.id) !== f))
    for (const q of all.filter(q => foldOf(q.id) === f)) {
      const cands = r.ranker.candidateFeatures(rewriteQuery(q.question, lexicon), r.knowledge)
      byId.set(q.id, { ids: cands.map(c => c.id), features: cands.map(c => c.features) })
    }
  }
  const out = all.map(q => byId.get(q.id)!)
  if (cacheFile) writeFileSync(cacheFile, JSON.stringify(out))
  return all.map((q, i) => row(q, out[i]!))
}
