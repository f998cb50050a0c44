// The learned article ranking: the hand-tuned score (BM25 + similar known questions + law prior)
// finds the right law for most questions but often not the expert's article. A linear model over
// features the ranker already has orders its best CANDIDATES articles, and boosted trees
// (ranking-trees.ts) add what a weighted sum cannot. Learned on every question of the STARD train file
// (bench/learn-ranker.ts --write: pairwise logistic loss, then LambdaMART on top; measured 5-fold, every
// question ranked by a ranker and a model that never saw it, and the bench's dev row scored with the same
// learner trained on the train split only); docs/search.md has the figures.
// Framework-free: relative imports only.
import { ARTICLE_MODEL_WEIGHTS } from './article-model-weights'
import { trainRankingTrees, treesValue, TREE_DEFAULTS, type RegressionTree, type TreeOptions } from './ranking-trees'

/** How many of the hand-tuned best articles the model re-orders (recall@100 is unchanged by it). */
export const CANDIDATES = 100

export const FEATURE_NAMES = [
  'bm25', // normalised BM25 of the question (+ lexicon terms) over the article (+ its known questions)
  'known', // Σ similarity³ of the similar known questions linking it
  'lawShare', // the law's share of those links, against the best law's
  'links', // log(1 + known questions linking the article): articles experts cite often
  'lawLinks', // log(1 + known questions linking the law)
  'neighbourKnown', // the best `known` of the articles ±1, ±2 in the same law
  'chapter', // idf share of the question's word pairs found in the article's chapter title
  'position', // article number ÷ the law's last article number
  'early', // 第一条/第二条 (purpose and scope)
  'length', // log(1 + text length) ÷ 8
  'rank', // 1 ÷ (1 + hand-tuned rank)
  'prior', // tier prior (core codes 1 … amendment blobs 0.3)
  'bm25xLaw', // bm25 × lawShare
  'isKnown', // linked by a similar known question at all
  'neighbourLinks', // log(1 + links) of the articles ±1 in the same law, the larger
  'coverage', // share of the question's idf mass the article (+ its known questions) holds
  'lawLocal', // BM25 with idf counted inside the article's law (a word common in that law tells nothing there), ÷ the candidates' best
  'coveragePairs', // coverage of the question's word pairs only (no single characters)
  'neighbourCoverage', // the best coverage of the articles ±1 in the same law
  'coverageRank', // 1 ÷ (1 + rank of the coverage among the candidates)
] as const

export interface ArticleModel {
  features: readonly string[]
  mean: readonly number[]
  std: readonly number[]
  weights: readonly number[]
  /** Boosted trees over the raw features, added to the linear score (none: linear only). */
  trees?: readonly RegressionTree[]
}

/** What the features are computed from (StatuteRanker.featureContext). */
export interface FeatureContext {
  /** The article's normalised BM25 (read for the candidates only). */
  bm25: (doc: number) => number
  know: ReadonlyMap<number, number>
  lawShare: Float64Array | null
  lawMax: number
  links: { doc: Uint16Array, law: Uint32Array } | null
  queryTerms: ReadonlyMap<string, number>
  /** The question's word pairs with their idf-weighted counts: the same for every candidate, so read once a question. */
  queryPairs: ReadonlyArray<readonly [term: string, weight: number]>
  normalized: string
  lawOf: (doc: number) => number
  articleOf: (doc: number) => number
  docAt: (law: number, article: number) => number | undefined
  lawArticles: (law: number) => number
  chapterTerms: (doc: number) => ReadonlySet<string>
  length: (doc: number) => number
  prior: (doc: number) => number
  /** Per doc (distinct), the share of the question's idf mass it holds (LexicalIndex.coverages): over all the question's terms, and over its word pairs only. */
  coverage: (docs: readonly number[]) => { all: ArrayLike<number>, picked: ArrayLike<number> }
  /** BM25 of the question over the docs with idf counted inside each doc's law (LexicalIndex.groupScores). */
  lawLocal: (docs: readonly number[]) => ArrayLike<number>
}

/**
 * The features of the candidates, in their hand-tuned order (row i: candidate i at rank i): the
 * article's own (articleFeatures) and those read against the other candidates or the law.
 */
export function candidateFeatureRows(ctx: FeatureContext, docs: readonly number[]): number[][] {
  const local = ctx.lawLocal(docs)
  let localMax = 0
  for (let i = 0; i < docs.length; i++) localMax = Math.max(localMax, local[i]!)
  // the candidates and their neighbours ±1, each once
  const neighbours = docs.map((d) => {
    const article = ctx.articleOf(d)
    if (!(article > 0)) return []
    const law = ctx.lawOf(d)
    return [ctx.docAt(law, article - 1), ctx.docAt(law, article + 1)].filter((n): n is number => n !== undefined)
  })
  const slot = new Map<number, number>()
  for (const d of [...docs, ...neighbours.flat()]) if (!slot.has(d)) slot.set(d, slot.size)
  const cov = ctx.coverage([...slot.keys()])
  const coverage = docs.map(d => cov.all[slot.get(d)!]!)
  const byCoverage = docs.map((_, i) => i).sort((a, b) => coverage[b]! - coverage[a]! || a - b)
  const coverageRank = new Array<number>(docs.length)
  byCoverage.forEach((i, r) => { coverageRank[i] = r })
  return docs.map((d, i) => [
    ...articleFeatures(ctx, d, i),
    coverage[i]!,
    localMax > 0 ? local[i]! / localMax : 0,
    cov.picked[slot.get(d)!]!,
    neighbours[i]!.reduce((m, n) => Math.max(m, cov.all[slot.get(n)!]!), 0),
    1 / (1 + coverageRank[i]!),
  ])
}

/** The features that depend on the article alone (candidateFeatureRows adds those that compare it with the other candidates). */
function articleFeatures(ctx: FeatureContext, d: number, rank: number): number[] {
  const law = ctx.lawOf(d)
  const article = ctx.articleOf(d)
  const know = ctx.know.get(d) ?? 0
  const lawShare = ctx.lawShare && ctx.lawMax > 0 ? ctx.lawShare[law]! / ctx.lawMax : 0
  let neighbourKnow = 0
  let neighbourLinks = 0
  if (article > 0) {
    for (const off of [-2, -1, 1, 2]) {
      const n = ctx.docAt(law, article + off)
      if (n === undefined) continue
      neighbourKnow = Math.max(neighbourKnow, ctx.know.get(n) ?? 0)
      if (ctx.links && (off === -1 || off === 1)) neighbourLinks = Math.max(neighbourLinks, Math.log1p(ctx.links.doc[n]!))
    }
  }
  let pairs = 0
  let inChapter = 0
  const chapter = ctx.chapterTerms(d)
  for (const [t, x] of ctx.queryPairs) {
    pairs += x
    if (chapter.has(t)) inChapter += x
  }
  const size = ctx.lawArticles(law)
  const bm25 = ctx.bm25(d)
  return [
    bm25,
    know,
    lawShare,
    ctx.links ? Math.log1p(ctx.links.doc[d]!) : 0,
    ctx.links ? Math.log1p(ctx.links.law[law]!) : 0,
    neighbourKnow,
    pairs > 0 ? inChapter / pairs : 0,
    size > 0 && article > 0 ? article / size : 0,
    article > 0 && article <= 2 ? 1 : 0,
    Math.log1p(ctx.length(d)) / 8,
    1 / (1 + rank),
    ctx.prior(d),
    bm25 * lawShare,
    know > 0 ? 1 : 0,
    neighbourLinks,
  ]
}

export function modelScore(m: ArticleModel, x: readonly number[]): number {
  let s = 0
  for (let i = 0; i < m.weights.length; i++) s += m.weights[i]! * (x[i]! - m.mean[i]!) / (m.std[i]! || 1)
  return m.trees?.length ? s + treesValue(m.trees, x) : s
}

/**
 * Pairwise logistic regression (RankNet with a linear scorer): for every question, each expert
 * article among the candidates against every other candidate (or those at most `below` places
 * under it). Plain
 * gradient descent, L2, deterministic. `rows`: per question, its candidates' features and which are
 * relevant. Then `trees` boosted trees (TREE_DEFAULTS; 0: the linear model alone) on top of it.
 */
export function trainArticleModel(rows: ReadonlyArray<{ features: readonly number[][], relevant: readonly boolean[] }>, o: { epochs?: number, rate?: number, l2?: number, below?: number, trees?: number } & Partial<Omit<TreeOptions, 'trees' | 'rate'>> = {}): ArticleModel {
  const linear = trainLinear(rows, o)
  const trees = trainRankingTrees(rows, x => modelScore(linear, x), { ...o, trees: o.trees ?? TREE_DEFAULTS.trees, rate: TREE_DEFAULTS.rate })
  return trees.length ? { ...linear, trees } : linear
}

function trainLinear(rows: ReadonlyArray<{ features: readonly number[][], relevant: readonly boolean[] }>, o: { epochs?: number, rate?: number, l2?: number, below?: number }): ArticleModel {
  const epochs = o.epochs ?? 200
  const rate = o.rate ?? 1
  const l2 = o.l2 ?? 1e-3
  const below = o.below ?? Infinity
  // as many weights as the rows have features (FEATURE_NAMES in production; benches try more)
  const n = rows.find(r => r.features.length)?.features[0]!.length ?? FEATURE_NAMES.length
  const mean = new Array<number>(n).fill(0)
  const std = new Array<number>(n).fill(0)
  let count = 0
  for (const r of rows) for (const x of r.features) { count++; for (let i = 0; i < n; i++) mean[i]! += x[i]! }
  for (let i = 0; i < n; i++) mean[i]! /= Math.max(1, count)
  for (const r of rows) for (const x of r.features) for (let i = 0; i < n; i++) std[i]! += (x[i]! - mean[i]!) ** 2
  for (let i = 0; i < n; i++) std[i] = Math.sqrt(std[i]! / Math.max(1, count)) || 1
  const z = (x: readonly number[]) => x.map((v, i) => (v - mean[i]!) / std[i]!)
  // pairs (positive, negative) as feature differences
  const diffs: number[][] = []
  for (const r of rows) {
    const zs = r.features.map(z)
    r.relevant.forEach((rel, p) => {
      if (!rel) return
      zs.forEach((x, q) => {
        if (r.relevant[q] || (q > p && q - p > below)) return
        diffs.push(zs[p]!.map((v, i) => v - x[i]!))
      })
    })
  }
  // start from the hand-tuned order (the rank feature) so an empty training set changes nothing
  const w = new Array<number>(n).fill(0)
  w[FEATURE_NAMES.indexOf('rank')] = 1
  for (let e = 0; e < epochs; e++) {
    const g = new Array<number>(n).fill(0)
    for (const d of diffs) {
      let s = 0
      for (let i = 0; i < n; i++) s += w[i]! * d[i]!
      const p = 1 / (1 + Math.exp(s)) // d loss / d s of log(1 + e^-s), negated
      for (let i = 0; i < n; i++) g[i]! += p * d[i]!
    }
    for (let i = 0; i < n; i++) w[i]! += rate * (g[i]! / Math.max(1, diffs.length) - l2 * w[i]!)
  }
  return { features: [...FEATURE_NAMES], mean, std, weights: w }
}

/** The production model (null: hand-tuned order only, e.g. when the weights file names other features). */
export const ARTICLE_MODEL: ArticleModel | null = ARTICLE_MODEL_WEIGHTS.features.join() === FEATURE_NAMES.join() ? ARTICLE_MODEL_WEIGHTS : null
