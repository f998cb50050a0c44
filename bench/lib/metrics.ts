// Retrieval metrics of statute ids against expert links, shared by the quality and tuning benches.
export interface Metrics { n: number, hit5: number, hit10: number, r10: number, r100: number, mrr: number }
export function score(ranked: string[], relevant: string[]): Metrics {
  const rel = new Set(relevant)
  const first = ranked.findIndex(id => rel.has(id))
  const found = (k: number) => ranked.slice(0, k).filter(id => rel.has(id)).length
  return {
    n: 1,
    hit5: first >= 0 && first < 5 ? 1 : 0,
    hit10: first >= 0 && first < 10 ? 1 : 0,
    r10: found(10) / rel.size,
    r100: found(100) / rel.size,
    mrr: first >= 0 ? 1 / (first + 1) : 0,
  }
}
export function add(a: Metrics, b: Metrics): Metrics {
  return { n: a.n + b.n, hit5: a.hit5 + b.hit5, hit10: a.hit10 + b.hit10, r10: a.r10 + b.r10, r100: a.r100 + b.r100, mrr: a.mrr + b.mrr }
}
export const zero = (): Metrics => ({ n: 0, hit5: 0, hit10: 0, r10: 0, r100: 0, mrr: 0 })
export const fmt = (m: Metrics) => [m.hit5, m.hit10, m.r10, m.r100, m.mrr].map(x => (x / Math.max(1, m.n)).toFixed(3))


/** nDCG@k of a ranked list against graded judgements (gain 2^grade − 1, log2 discount). */
export function ndcg(ranked: readonly string[], grades: Readonly<Record<string, number>>, k = 5): number {
  const dcg = (gs: number[]) => gs.slice(0, k).reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0)
  const ideal = dcg(Object.values(grades).filter(g => g > 0).sort((a, b) => b - a))
  return ideal > 0 ? dcg(ranked.map(id => grades[id] ?? 0)) / ideal : 0
}
