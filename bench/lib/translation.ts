// Issue 12, round five (measured, not in production; docs/search.md): a learned lay → legal translation
// table, which terms of the law the expert-linked articles use when residents say a word (老板 → 用人单位,
// 工资 → 劳动报酬), estimated from (known question, linked articles' text) pairs. The bench fits it per
// fold from exactly the known questions the fold's ranker holds, so a question never sees its own links.
import { lexicalTerms } from '../../server/domain/search/lexical-index'

export interface TranslationFit {
  /** Distinct known questions a (question term, article term) pair needs. */
  support: number
  /** P(article term | question term) ÷ P(article term over all known questions) at least this. */
  lift: number
  /** Translations kept per question term, best first by `order`. */
  perTerm: number
  /** P(article term | question term) at least this. */
  minP: number
  /** Which translations of a term come first: the likeliest (p), the most specific (lift), or p × log(lift) (pmi). */
  order: 'p' | 'lift' | 'pmi'
  /**
   * How P(article term | question term) is estimated: co-occurrence in a question and its linked articles
   * (cooc), or IBM Model 1 (ibm1: EM, each article term explained by one question term or by a null term
   * that absorbs the words every article has), `iterations` rounds.
   */
  model: 'cooc' | 'ibm1'
  iterations: number
  /** lay: question term → article terms (query expansion); legal: article term → question terms (document expansion, cooc only). */
  direction: 'lay' | 'legal'
}

export const DEFAULT_TRANSLATION_FIT: TranslationFit = { support: 3, lift: 3, perTerm: 3, minP: 0, order: 'p', model: 'cooc', iterations: 5, direction: 'lay' }

/** Han character pairs and Latin/digit words: the terms a translation is learned between (unigrams are too vague). */
export function pairTerms(text: string): Set<string> {
  return new Set(lexicalTerms(text).filter(t => t.length > 1))
}

export interface KnownLink { question: string, statuteIds: readonly string[] }

/** term → [(translation, P(translation | term))], best first. */
export class TranslationTable {
  constructor(private readonly table: ReadonlyMap<string, ReadonlyArray<{ term: string, p: number }>>) {}

  get size(): number { return this.table.size }

  /** The translations of one question term (tests, inspection). */
  of(term: string): ReadonlyArray<{ term: string, p: number }> { return this.table.get(term) ?? [] }

  /**
   * Adds the translations of the query's terms to `terms`, each at `weight` × P(translation | term)
   * (the best over the query's terms), at most `max` of them; a term the query already has is not added.
   */
  expand(terms: Map<string, number>, weight: number, max: number): Map<string, number> {
    if (!(weight > 0) || !this.table.size) return terms
    const best = new Map<string, number>()
    for (const q of terms.keys()) {
      for (const { term, p } of this.table.get(q) ?? []) if (!terms.has(term) && p > (best.get(term) ?? 0)) best.set(term, p)
    }
    const top = [...best.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max)
    for (const [term, p] of top) terms.set(term, weight * p)
    return terms
  }

  /**
   * Fits the table: for each question term q and article term a, n(q, a) = known questions with q whose
   * linked articles hold a; kept when n(q, a) ≥ support and P(a | q) = n(q, a) / n(q) is at least `lift`
   * times a's share of all known questions. `articleText(id)` is the article's own text (undefined: not held).
   */
  static fit(known: Iterable<KnownLink>, articleText: (id: string) => string | undefined, o: Partial<TranslationFit> & { targets?: readonly string[] } = {}): TranslationTable {
    const fit = { ...DEFAULT_TRANSLATION_FIT, ...o }
    const ids = new Map<string, number>()
    const idOf = (t: string) => { let i = ids.get(t); if (i === undefined) { i = ids.size; ids.set(t, i) } return i }
    const articleTerms = new Map<string, number[]>()
    const rows: Array<{ q: number[], a: number[] }> = []
    for (const k of known) {
      const a = new Set<number>()
      for (const id of new Set(k.statuteIds)) {
        let t = articleTerms.get(id)
        if (!t) {
          const text = articleText(id)
          // targets: only these legal words (e.g. the lexicon's) are translations, found as substrings of the article
          t = text === undefined ? [] : o.targets ? o.targets.filter(x => text.includes(x)).map(idOf) : [...pairTerms(text)].map(idOf)
          articleTerms.set(id, t)
        }
        for (const x of t) a.add(x)
      }
      if (!a.size) continue
      rows.push({ q: [...pairTerms(k.question)].map(idOf), a: [...a] })
    }
    const n = rows.length
    const nq = new Map<number, number>(), na = new Map<number, number>()
    for (const r of rows) {
      for (const q of r.q) nq.set(q, (nq.get(q) ?? 0) + 1)
      for (const a of r.a) na.set(a, (na.get(a) ?? 0) + 1)
    }
    // only terms seen `support` times can form a kept pair
    const pairs = new Map<number, number>()
    const width = ids.size
    for (const r of rows) {
      const as = r.a.filter(a => na.get(a)! >= fit.support)
      for (const q of r.q) {
        if (nq.get(q)! < fit.support) continue
        for (const a of as) if (a !== q) { const key = q * width + a; pairs.set(key, (pairs.get(key) ?? 0) + 1) }
      }
    }
    const prob = fit.model === 'ibm1' ? ibm1(rows, pairs, width, nq, fit) : null
    const terms = [...ids.keys()]
    const scored = new Map<string, Array<{ term: string, p: number, rank: number }>>()
    for (const [key, c] of pairs) {
      if (c < fit.support) continue
      const q = Math.floor(key / width), a = key % width
      const legal = fit.direction === 'legal'
      const p = prob ? prob.get(key) ?? 0 : legal ? c / na.get(a)! : c / nq.get(q)!
      const lift = legal ? p / (nq.get(q)! / n) : p / (na.get(a)! / n)
      if (lift < fit.lift || p < fit.minP) continue
      const [from, to] = legal ? [terms[a]!, terms[q]!] : [terms[q]!, terms[a]!]
      let list = scored.get(from)
      if (!list) { list = []; scored.set(from, list) }
      list.push({ term: to, p, rank: fit.order === 'p' ? p : fit.order === 'lift' ? lift : p * Math.log(lift) })
    }
    const out = new Map<string, Array<{ term: string, p: number }>>()
    for (const [q, list] of scored) {
      const kept = list.sort((x, y) => y.rank - x.rank || (x.term < y.term ? -1 : 1)).slice(0, fit.perTerm)
      // IBM Model 1 spreads a term over every article word: its translations weigh relative to the best one
      const top = prob ? Math.max(...kept.map(x => x.p)) : 1
      out.set(q, kept.map(({ term, p }) => ({ term, p: p / top })))
    }
    return new TranslationTable(out)
  }
}

/**
 * IBM Model 1 over (question terms, linked article terms): t(a | q) by EM, over the pairs counted in `pairs`
 * (the other pairs start and stay at 0) plus a null term per question; returns t(a | q) by pair key.
 */
function ibm1(rows: ReadonlyArray<{ q: number[], a: number[] }>, pairs: ReadonlyMap<number, number>, width: number, nq: ReadonlyMap<number, number>, fit: TranslationFit): Map<number, number> {
  const t = new Map<number, number>()
  const nul = new Map<number, number>()
  for (const key of pairs.keys()) t.set(key, 1)
  for (const r of rows) for (const a of r.a) nul.set(a, 1)
  for (let it = 0; it < fit.iterations; it++) {
    const count = new Map<number, number>()
    const total = new Map<number, number>()
    const nulCount = new Map<number, number>()
    let nulTotal = 0
    for (const r of rows) {
      const qs = r.q.filter(q => nq.get(q)! >= fit.support)
      for (const a of r.a) {
        let z = nul.get(a)!
        for (const q of qs) z += t.get(q * width + a) ?? 0
        if (!(z > 0)) continue
        for (const q of qs) {
          const key = q * width + a
          const v = t.get(key)
          if (!v) continue
          count.set(key, (count.get(key) ?? 0) + v / z)
          total.set(q, (total.get(q) ?? 0) + v / z)
        }
        const v = nul.get(a)! / z
        nulCount.set(a, (nulCount.get(a) ?? 0) + v)
        nulTotal += v
      }
    }
    for (const key of t.keys()) t.set(key, (count.get(key) ?? 0) / (total.get(Math.floor(key / width)) || 1))
    for (const a of nul.keys()) nul.set(a, (nulCount.get(a) ?? 0) / (nulTotal || 1))
  }
  return t
}
