// Gradient-boosted regression trees for ranking (LambdaMART): each tree fits the pairwise gradients of
// NDCG@k of every question's candidate list, starting from a base score (the linear article model), so
// the trees learn what a weighted sum cannot (a feature that matters only when another is high).
// Deterministic: quantile bins, best split by Newton gain, leaves grown best-first. Framework-free.

/** One tree as parallel arrays: node i splits on feature[i] at threshold[i] (x ≤ threshold → left); feature −1 is a leaf with value[i]. */
export interface RegressionTree {
  feature: readonly number[]
  threshold: readonly number[]
  left: readonly number[]
  right: readonly number[]
  value: readonly number[]
}

export interface TreeOptions {
  /** Number of trees (0: none). */
  trees: number
  /** Shrinkage of every leaf value. */
  rate: number
  /** Leaves per tree. */
  leaves: number
  /** Fewest candidates in a leaf. */
  minLeaf: number
  /** Quantile bins per feature for the split search (≤ 256). */
  bins: number
  /** The gradients are those of NDCG@k: swaps that do not move an article across the first k count nothing. */
  k: number
}

export const TREE_DEFAULTS: TreeOptions = { trees: 100, rate: 0.1, leaves: 8, minLeaf: 200, bins: 64, k: 10 }

export function treeValue(t: RegressionTree, x: readonly number[]): number {
  let n = 0
  while (t.feature[n]! >= 0) n = x[t.feature[n]!]! <= t.threshold[n]! ? t.left[n]! : t.right[n]!
  return t.value[n]!
}

export function treesValue(trees: readonly RegressionTree[], x: readonly number[]): number {
  let s = 0
  for (const t of trees) s += treeValue(t, x)
  return s
}

/**
 * LambdaMART over groups (one a question): `features[i]` of candidate i, `relevant[i]` whether an
 * expert linked it. Groups without a relevant candidate teach nothing and are skipped. `base` is the
 * score the trees add to.
 */
export function trainRankingTrees(
  groups: ReadonlyArray<{ features: readonly (readonly number[])[], relevant: readonly boolean[] }>,
  base: (x: readonly number[]) => number,
  options: Partial<TreeOptions> = {},
): RegressionTree[] {
  const o = { ...TREE_DEFAULTS, ...options }
  const X: (readonly number[])[] = []
  const rel: boolean[] = []
  const start: number[] = []
  for (const g of groups) {
    if (!g.relevant.some(Boolean)) continue
    start.push(X.length)
    g.features.forEach((x, i) => { X.push(x); rel.push(g.relevant[i]!) })
  }
  start.push(X.length)
  const N = X.length
  if (!N || o.trees <= 0) return []
  const nf = X[0]!.length
  const { cuts, bin } = quantileBins(X, nf, Math.min(256, Math.max(2, o.bins)))
  const score = new Float64Array(N)
  for (let i = 0; i < N; i++) score[i] = base(X[i]!)
  const grad = new Float64Array(N)
  const hess = new Float64Array(N)
  const trees: RegressionTree[] = []
  const all = new Int32Array(N)
  for (let i = 0; i < N; i++) all[i] = i
  for (let t = 0; t < o.trees; t++) {
    lambdas(start, rel, score, grad, hess, o.k)
    const tree = growTree(all, grad, hess, cuts, bin, o)
    trees.push(tree)
    for (let i = 0; i < N; i++) score[i]! += treeValue(tree, X[i]!)
  }
  return trees
}

function quantileBins(X: readonly (readonly number[])[], nf: number, bins: number) {
  const N = X.length
  const cuts: number[][] = []
  const bin: Uint8Array[] = []
  for (let f = 0; f < nf; f++) {
    const values = Float64Array.from(X, x => x[f]!).sort()
    const c: number[] = []
    for (let b = 1; b < bins; b++) {
      const v = values[Math.floor(b * N / bins)]!
      if (!c.length || v > c[c.length - 1]!) c.push(v)
    }
    const column = new Uint8Array(N)
    for (let i = 0; i < N; i++) {
      const v = X[i]![f]!
      let lo = 0, hi = c.length
      while (lo < hi) {
        const m = (lo + hi) >> 1
        if (v <= c[m]!) hi = m
        else lo = m + 1
      }
      column[i] = lo
    }
    cuts.push(c)
    bin.push(column)
  }
  return { cuts, bin }
}

/** The LambdaRank gradients (toward a better order) and their second derivatives, per candidate. */
function lambdas(start: readonly number[], rel: readonly boolean[], score: Float64Array, grad: Float64Array, hess: Float64Array, k: number) {
  grad.fill(0)
  hess.fill(0)
  const discount = (r: number) => r < k ? 1 / Math.log2(r + 2) : 0
  for (let q = 0; q + 1 < start.length; q++) {
    const a = start[q]!, b = start[q + 1]!
    const order: number[] = []
    for (let i = a; i < b; i++) order.push(i)
    order.sort((x, y) => score[y]! - score[x]! || x - y)
    const rank = new Map<number, number>()
    order.forEach((i, r) => rank.set(i, r))
    let relevant = 0
    for (let i = a; i < b; i++) if (rel[i]) relevant++
    let ideal = 0
    for (let r = 0; r < Math.min(relevant, k); r++) ideal += 1 / Math.log2(r + 2)
    for (let i = a; i < b; i++) {
      if (!rel[i]) continue
      const di = discount(rank.get(i)!)
      for (let j = a; j < b; j++) {
        if (rel[j]) continue
        const delta = Math.abs(di - discount(rank.get(j)!)) / ideal
        if (delta === 0) continue
        const rho = 1 / (1 + Math.exp(score[i]! - score[j]!))
        grad[i]! += rho * delta
        grad[j]! -= rho * delta
        const h = rho * (1 - rho) * delta
        hess[i]! += h
        hess[j]! += h
      }
    }
  }
}

interface Split { gain: number, feature: number, bin: number }

function growTree(all: Int32Array, grad: Float64Array, hess: Float64Array, cuts: readonly number[][], bin: readonly Uint8Array[], o: TreeOptions): RegressionTree {
  const feature: number[] = [], threshold: number[] = [], left: number[] = [], right: number[] = [], value: number[] = []
  const leaf = (rows: Int32Array) => {
    let G = 0, H = 0
    for (const i of rows) { G += grad[i]!; H += hess[i]! }
    feature.push(-1); threshold.push(0); left.push(-1); right.push(-1)
    value.push(H > 0 ? o.rate * G / (H + 1e-6) : 0)
    return feature.length - 1
  }
  const bestSplit = (rows: Int32Array): Split => {
    let G = 0, H = 0
    for (const i of rows) { G += grad[i]!; H += hess[i]! }
    const parent = G * G / (H + 1)
    let best: Split = { gain: 0, feature: -1, bin: -1 }
    for (let f = 0; f < cuts.length; f++) {
      const nb = cuts[f]!.length + 1
      const hg = new Float64Array(nb), hh = new Float64Array(nb), hc = new Int32Array(nb)
      const column = bin[f]!
      for (const i of rows) { const k = column[i]!; hg[k]! += grad[i]!; hh[k]! += hess[i]!; hc[k]!++ }
      let gl = 0, hl = 0, cl = 0
      for (let k = 0; k < nb - 1; k++) {
        gl += hg[k]!; hl += hh[k]!; cl += hc[k]!
        if (cl < o.minLeaf || rows.length - cl < o.minLeaf) continue
        const gain = gl * gl / (hl + 1) + (G - gl) ** 2 / (H - hl + 1) - parent
        if (gain > best.gain + 1e-12) best = { gain, feature: f, bin: k }
      }
    }
    return best
  }
  const open: Array<{ node: number, rows: Int32Array, split: Split }> = [{ node: leaf(all), rows: all, split: bestSplit(all) }]
  for (let leaves = 1; leaves < o.leaves; leaves++) {
    let at = -1
    for (let i = 0; i < open.length; i++) if (open[i]!.split.feature >= 0 && (at < 0 || open[i]!.split.gain > open[at]!.split.gain)) at = i
    if (at < 0) break
    const { node, rows, split } = open.splice(at, 1)[0]!
    const column = bin[split.feature]!
    const L = rows.filter(i => column[i]! <= split.bin)
    const R = rows.filter(i => column[i]! > split.bin)
    feature[node] = split.feature
    threshold[node] = cuts[split.feature]![split.bin]!
    value[node] = 0
    const l = leaf(L), r = leaf(R)
    left[node] = l
    right[node] = r
    open.push({ node: l, rows: L, split: bestSplit(L) }, { node: r, rows: R, split: bestSplit(R) })
  }
  return { feature, threshold, left, right, value }
}
