// The production statute ranker built from the bench's corpus and known questions (same code as the
// app), and the protocol to score it without ever letting a question see its own expert links:
// dev questions are ranked with the train split as knowledge; train questions are ranked by 5-fold
// cross-validation (each fold with the other four folds as knowledge, because the known questions
// also expand the articles they link, so a leave-one-out filter at query time is not enough).
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { FEATURE_NAMES, type ArticleModel } from '../../server/domain/search/article-model'
import { KnownQuestionNeighbours, StatuteRankerBuilder, type RankerKnownQuestion, type RankerStatute, type StatuteRanker } from '../../server/domain/search/statute-ranker'
import type { KnownQuestionDoc } from '../../server/domain/search/known-questions'
import type { Bm25Params } from '../../server/domain/search/lexical-index'
import { isDev } from './data'

export interface BenchRanker { ranker: StatuteRanker, knowledge: KnownQuestionNeighbours }

export interface BenchRankerOptions { expansion?: boolean, expansionWeight?: number, answerExpansion?: number, answerNeighbours?: number, bm25?: Bm25Params }

export function buildBenchRanker(docs: Iterable<RankerStatute>, known: readonly RankerKnownQuestion[], o: BenchRankerOptions = {}): BenchRanker {
  const b = new StatuteRankerBuilder({ known: o.expansion === false ? undefined : known, expansionWeight: o.expansionWeight, answerWeight: o.answerExpansion })
  for (const d of docs) b.add(d)
  const ranker = b.build(o.bm25)
  return { ranker, knowledge: new KnownQuestionNeighbours(ranker.index, known, { answerWeight: o.answerNeighbours }) }
}

/** Where `npx tsx bench/learn-ranker.ts --write` keeps the article model trained on the train split only. */
export const TRAIN_SPLIT_MODEL_FILE = resolve(import.meta.dirname, '../data/article-model-train-split.json')
let trainSplit: ArticleModel | undefined

/**
 * The article model trained on the train split's questions only, the same way as production's (which is
 * trained on both splits, so it has seen every dev question). Throws when its features are not the ranker's.
 */
export function trainSplitModel(): ArticleModel {
  if (!trainSplit) {
    const m = JSON.parse(readFileSync(TRAIN_SPLIT_MODEL_FILE, 'utf8')) as ArticleModel
    if (m.features.join() !== FEATURE_NAMES.join()) throw new Error(`${TRAIN_SPLIT_MODEL_FILE} names other features than the ranker: run npx tsx bench/learn-ranker.ts --write`)
    trainSplit = m
  }
  return trainSplit
}

/**
 * The article order a bench question is scored with (RankOptions.model): the model trained on the train split
 * for a dev question (production's model was trained on every STARD question, dev included); the hand-tuned
 * score (null) for a train question (bench/learn-ranker.ts scores the learned order on train, nested).
 */
export function benchModel(questionId: string): ArticleModel | null {
  return isDev(questionId) ? trainSplitModel() : null
}

/** 5 by default; BENCH_FOLDS=N to see how the figures move with the amount of knowledge. */
export const FOLDS = Math.max(2, Number(process.env.BENCH_FOLDS ?? 5) || 5)
/** Fold of a train question (independent of the dev split's hash byte). */
export function foldOf(id: string): number {
  return createHash('sha1').update(id).digest()[1]! % FOLDS
}

/**
 * For each question, the ranker that may answer it: dev → built with all train knowledge; train →
 * built without the question's fold. `kb` is the bench knowledge (train questions + case questions).
 * Builds at most FOLDS + 1 rankers, lazily.
 */
export function rankerFor(docs: readonly RankerStatute[], kb: readonly KnownQuestionDoc[], o: BenchRankerOptions = {}): (questionId: string) => BenchRanker {
  const cache = new Map<number, BenchRanker>()
  return (questionId) => {
    const fold = isDev(questionId) ? -1 : foldOf(questionId)
    let r = cache.get(fold)
    if (!r) {
      const known = kb.filter(k => k.source !== 'stard' || fold < 0 || foldOf(k.id) !== fold)
      r = buildBenchRanker(docs, known, o)
      cache.set(fold, r)
    }
    return r
  }
}
