import { describe, expect, it } from 'vitest'
import { trainRankingTrees, treesValue, treeValue, type RegressionTree } from '~~/server/domain/search/ranking-trees'

// A deterministic pseudo-random stream (no Math.random: the same trees every run).
function stream(seed: number) {
  let s = seed >>> 0
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32 }
}

/**
 * Questions of 20 candidates with two features: the expert article is the one with both a high `a`
 * and a high `b` (an interaction); a weighted sum of a and b puts the single extreme ones first.
 */
function groups(n: number, seed: number) {
  const rnd = stream(seed)
  return Array.from({ length: n }, () => {
    const features: number[][] = []
    for (let i = 0; i < 20; i++) features.push(rnd() < 0.5 ? [0.95 + rnd() * 0.05, 0.3 + rnd() * 0.2] : [0.3 + rnd() * 0.2, 0.95 + rnd() * 0.05])
    const expert = Math.floor(rnd() * 20)
    features[expert] = [0.55 + rnd() * 0.05, 0.55 + rnd() * 0.05]
    return { features, relevant: features.map((_, i) => i === expert) }
  })
}

const linear = (x: readonly number[]) => x[0]! + x[1]!
const hitAt1 = (gs: ReturnType<typeof groups>, score: (x: readonly number[]) => number) =>
  gs.filter((g) => {
    const best = g.features.map((x, i) => ({ i, s: score(x) })).sort((a, b) => b.s - a.s)[0]!.i
    return g.relevant[best]
  }).length / gs.length

describe('ranking trees (LambdaMART)', () => {
  it('learn an interaction a weighted sum misses, on questions they were not trained on', () => {
    const train = groups(200, 1)
    const test = groups(100, 2)
    const trees = trainRankingTrees(train, linear, { trees: 30, minLeaf: 20 })
    expect(trees).toHaveLength(30)
    expect(hitAt1(test, linear)).toBe(0)
    expect(hitAt1(test, x => linear(x) + treesValue(trees, x))).toBeGreaterThan(0.9)
  })

  it('are deterministic, and learn nothing from questions without an expert article or when asked for none', () => {
    const train = groups(50, 3)
    expect(JSON.stringify(trainRankingTrees(train, linear, { trees: 5, minLeaf: 20 }))).toBe(JSON.stringify(trainRankingTrees(train, linear, { trees: 5, minLeaf: 20 })))
    expect(trainRankingTrees(train.map(g => ({ ...g, relevant: g.relevant.map(() => false) })), linear)).toEqual([])
    expect(trainRankingTrees(train, linear, { trees: 0 })).toEqual([])
  })

  it('a tree sends a value at its threshold left and above it right', () => {
    const t: RegressionTree = { feature: [1, -1, -1], threshold: [0.5, 0, 0], left: [1, -1, -1], right: [2, -1, -1], value: [0, -1, 2] }
    expect(treeValue(t, [9, 0.5])).toBe(-1)
    expect(treeValue(t, [9, 0.51])).toBe(2)
    expect(treesValue([t, t], [0, 1])).toBe(4)
    expect(treesValue([], [0, 1])).toBe(0)
  })
})
