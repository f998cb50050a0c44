import { describe, expect, it } from 'vitest'
import { KnownQuestionNeighbours, StatuteRankerBuilder, type RankStats, type RankerStatute } from '~~/server/domain/search/statute-ranker'
import { LexicalIndexBuilder, topK } from '~~/server/domain/search/lexical-index'

// The pruned ranking (LexicalIndex.scorePruned: top-k pruning over the postings) must give exactly
// the answer of the exhaustive one (every article scored): same ids, same scores, same total (bounded:
// totalBound), same `more`, same match. Checked on random corpora whose character frequencies are skewed like Chinese text (a few
// characters in most articles, most characters rare), with local rules, superseded versions,
// duplicate texts and similar known questions, and on random questions.

function rng(seed: number) {
  let s = seed >>> 0
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32 }
}

// 400 Han characters; drawn with a Zipf-like skew so the first ones sit in most articles
const ALPHABET = Array.from({ length: 400 }, (_, i) => String.fromCharCode(0x4E00 + 37 * i))
function text(r: () => number, len: number): string {
  let out = ''
  for (let i = 0; i < len; i++) out += ALPHABET[Math.min(ALPHABET.length - 1, Math.floor(ALPHABET.length * r() ** 3))]
  return out
}

const REGIONS = ['宁夏回族自治区', '上海市', '银川市']

function corpus(seed: number, size: number): { arts: RankerStatute[], known: Array<{ id: string, question: string, statuteIds: string[] }> } {
  const r = rng(seed)
  const arts: RankerStatute[] = []
  let law = 0
  while (arts.length < size) {
    law++
    const local = r() < 0.4
    const region = local ? REGIONS[Math.floor(r() * REGIONS.length)]! : null
    const title = local ? `${region}第${law}条例` : `中华人民共和国第${law}法`
    const n = 5 + Math.floor(r() * 120)
    for (let a = 1; a <= n && arts.length < size; a++) {
      const dup = arts.length > 0 && r() < 0.02 ? arts[Math.floor(r() * arts.length)]!.text : null
      arts.push({
        id: `L${law}-a${a}`, law_id: `L${law}`, law_title: title, level: local ? '地方性法规' : '法律', law_tier: Math.floor(r() * 8),
        is_latest: r() > 0.05, region, text: dup ?? text(r, 10 + Math.floor(r() * 150)), article_no: a, article_label: `第${a}条`,
      })
    }
  }
  const known = Array.from({ length: 150 }, (_, i) => ({
    id: `k${i}`, question: text(r, 6 + Math.floor(r() * 20)),
    statuteIds: Array.from({ length: 1 + Math.floor(r() * 3) }, () => arts[Math.floor(r() * arts.length)]!.id),
  }))
  return { arts, known }
}

describe('StatuteRanker pruned ranking', () => {
  for (const seed of [1, 2, 3]) {
    it(`answers exactly as the exhaustive ranking on random questions (corpus ${seed})`, () => {
      const { arts, known } = corpus(seed, 4000)
      const b = new StatuteRankerBuilder({ known })
      for (const a of arts) b.add(a)
      const ranker = b.build()
      const knowledge = new KnownQuestionNeighbours(ranker.index, known)
      const r = rng(seed * 7919)
      let pruned = 0
      let fewer = 0
      const questions = 150
      for (let q = 0; q < questions; q++) {
        const region = r() < 0.15 ? REGIONS[Math.floor(r() * REGIONS.length)]!.slice(0, 2) : ''
        const rw = { normalized: region + text(r, 3 + Math.floor(r() * 40)), legalTerms: r() < 0.5 ? [text(r, 2 + Math.floor(r() * 4))] : [] }
        const depth = [1, 10, 20, 40, 99, 100][q % 6]!
        const k = q % 3 === 0 ? null : knowledge
        const stats: RankStats = { pruned: false, candidates: 0, fullTerms: 0, terms: 0 }
        const fast = ranker.rank(rw, k, { depth, stats })
        const all = ranker.rank(rw, k, { depth, exhaustive: true })
        expect(fast, `question ${q}: ${rw.normalized}`).toEqual(all)
        if (stats.pruned) pruned++
        if (stats.candidates < ranker.size / 2) fewer++
      }
      // the comparison covers the pruning: many questions read the long postings only for some articles
      expect(pruned).toBeGreaterThanOrEqual(20)
      expect(fewer).toBeGreaterThanOrEqual(20)
    }, 60_000)
  }

  it('scores the listed documents bit for bit as scoreAll, and leaves out only documents below the `need` best eligible ones', () => {
    const r = rng(42)
    const b = new LexicalIndexBuilder()
    for (let d = 0; d < 3000; d++) b.add({ id: `d${d}`, text: text(r, 5 + Math.floor(r() * 100)), prior: 0.3 + r() })
    const index = b.build()
    let pruned = 0
    for (let q = 0; q < 100; q++) {
      const query = new Map<string, number>()
      for (const t of text(r, 4 + Math.floor(r() * 30))) query.set(t, (query.get(t) ?? 0) + (r() < 0.3 ? 0.5 : 1))
      const { scores: dense } = index.scoreAll(query)
      const res = index.scorePruned(query, { need: 40, excluded: Uint8Array.from({ length: 3000 }, (_, d) => (d % 3 === 0 ? 1 : 0)), always: [7, 7, 2999] })
      let max = 0
      for (const s of dense) if (s > max) max = s
      expect(res.max).toBe(max)
      const listed = new Set(res.docs)
      expect([7, 2999].every(d => listed.has(d))).toBe(true)
      expect([...res.docs].sort((a, b) => a - b)).toEqual([...res.docs])
      expect([...res.scores]).toEqual([...res.docs].map(d => dense[d]))
      // every document left out is below the `need`-th eligible document
      const best = topK(dense, 40, d => d % 3 !== 0)
      const kth = best.length === 40 ? best.at(-1)!.score : 0
      const wrong = [...dense.keys()].filter(d => !listed.has(d) && (dense[d]! >= kth || (!res.pruned && dense[d]! > 0)))
      expect(wrong).toEqual([])
      if (res.pruned) pruned++
    }
    expect(pruned).toBeGreaterThan(0)
  }, 60_000)
})
