// An in-memory BM25 index over Chinese text: character unigrams and bigrams of every run of Han
// characters, lower-cased Latin/digit words. Meilisearch ranks by how many query words match,
// not by how rare they are; on plain-language questions that is what loses the law (see
// docs/search.md). This index weighs every term by its rarity (idf) and the document's length.
// Derived from PostgreSQL (or the dataset files in the benches) and rebuilt from there: it holds
// nothing that cannot be recomputed. Framework-free: relative imports only.
import { toHalfWidth } from './normalize'

const RUN = /[\u4e00-\u9fff\u3400-\u4dbf]+|[a-z0-9]+/g
const HAN = /^[\u4e00-\u9fff\u3400-\u4dbf]/

/** Index terms of a text: per Han run its characters and adjacent pairs, per Latin/digit run the word. */
export function lexicalTerms(text: string): string[] {
  const out: string[] = []
  for (const run of toHalfWidth(text).toLowerCase().match(RUN) ?? []) {
    if (!HAN.test(run)) { out.push(run); continue }
    for (let i = 0; i < run.length; i++) {
      out.push(run[i]!)
      if (i + 1 < run.length) out.push(run.slice(i, i + 2))
    }
  }
  return out
}

/** Term → count. */
export function termCounts(text: string, weight = 1, into: Map<string, number> = new Map()): Map<string, number> {
  for (const t of lexicalTerms(text)) into.set(t, (into.get(t) ?? 0) + weight)
  return into
}

export interface LexicalDocInput {
  id: string
  /** Text the document is found by. */
  text: string
  /** Multiplies the document's BM25 score (search prior: 1 = neutral). */
  prior?: number
  /** More text the document is found by, each term counting `expansionWeight` (document expansion). */
  expansions?: readonly string[]
  expansionWeight?: number
  /** Further weighted text the document is found by (each term counting its `weight`). */
  weighted?: ReadonlyArray<{ text: string, weight: number }>
}

export interface Bm25Params { k1: number, b: number }
export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 }

/** Collects documents, then builds the immutable index (postings as typed arrays). */
export class LexicalIndexBuilder {
  private terms = new Map<string, number>()
  private ids: string[] = []
  private priors: number[] = []
  private lens: number[] = []
  private docTerms: Uint32Array = new Uint32Array(1 << 16)
  private docTfs: Float32Array = new Float32Array(1 << 16)
  private docStart: number[] = [0]
  private used = 0

  get size(): number { return this.ids.length }

  add(doc: LexicalDocInput): void {
    const counts = new Map<number, number>()
    let len = 0
    const count = (text: string, w: number) => {
      for (const t of lexicalTerms(text)) {
        let id = this.terms.get(t)
        if (id === undefined) { id = this.terms.size; this.terms.set(t, id) }
        counts.set(id, (counts.get(id) ?? 0) + w)
        len += w
      }
    }
    count(doc.text, 1)
    const ew = doc.expansionWeight ?? 0
    if (ew > 0) for (const x of doc.expansions ?? []) count(x, ew)
    for (const x of doc.weighted ?? []) if (x.weight > 0) count(x.text, x.weight)
    if (this.used + counts.size > this.docTerms.length) {
      const cap = Math.max(this.docTerms.length * 2, this.used + counts.size)
      const t2 = new Uint32Array(cap); t2.set(this.docTerms.subarray(0, this.used)); this.docTerms = t2
      const f2 = new Float32Array(cap); f2.set(this.docTfs.subarray(0, this.used)); this.docTfs = f2
    }
    for (const [id, n] of counts) { this.docTerms[this.used] = id; this.docTfs[this.used] = n; this.used++ }
    this.docStart.push(this.used)
    this.ids.push(doc.id)
    this.priors.push(doc.prior ?? 1)
    this.lens.push(len)
  }

  build(params: Bm25Params = DEFAULT_BM25): LexicalIndex {
    const n = this.ids.length
    const v = this.terms.size
    const df = new Uint32Array(v)
    for (let i = 0; i < this.used; i++) df[this.docTerms[i]!]!++
    const offsets = new Uint32Array(v + 1)
    for (let t = 0; t < v; t++) offsets[t + 1] = offsets[t]! + df[t]!
    const postDocs = new Uint32Array(this.used)
    const postImpact = new Float32Array(this.used)
    const fill = offsets.slice(0, v)
    const avg = n ? this.lens.reduce((s, x) => s + x, 0) / n : 1
    const idf = new Float32Array(v)
    for (let t = 0; t < v; t++) idf[t] = Math.log(1 + (n - df[t]! + 0.5) / (df[t]! + 0.5))
    const { k1, b } = params
    for (let d = 0; d < n; d++) {
      const norm = k1 * (1 - b + b * this.lens[d]! / (avg || 1))
      const prior = this.priors[d]!
      for (let i = this.docStart[d]!; i < this.docStart[d + 1]!; i++) {
        const t = this.docTerms[i]!
        const tf = this.docTfs[i]!
        const at = fill[t]!++
        postDocs[at] = d
        postImpact[at] = idf[t]! * tf * (k1 + 1) / (tf + norm) * prior
      }
    }
    const index = new LexicalIndex(this.ids, this.terms, idf, offsets, postDocs, postImpact, Float32Array.from(this.priors))
    // the builder's buffers are not needed any more
    this.docTerms = new Uint32Array(0); this.docTfs = new Float32Array(0); this.docStart = [0]; this.used = 0
    return index
  }
}

export interface ScoredDoc { doc: number, score: number }

/** Immutable BM25 index. Documents are numbered 0..size-1 in insertion order. */
export class LexicalIndex {
  constructor(
    readonly ids: readonly string[],
    private readonly terms: ReadonlyMap<string, number>,
    private readonly idfs: Float32Array,
    private readonly offsets: Uint32Array,
    private readonly postDocs: Uint32Array,
    private readonly postImpact: Float32Array,
    private readonly priors: Float32Array = new Float32Array(0),
  ) {}

  get size(): number { return this.ids.length }
  get postings(): number { return this.postDocs.length }

  /** Inverse document frequency of a term (0 when no document has it). */
  idf(term: string): number {
    const t = this.terms.get(term)
    return t === undefined ? 0 : this.idfs[t]!
  }

  has(term: string): boolean { return this.terms.has(term) }

  /**
   * Share of the query's idf mass a document holds (0–1): Σ weight·idf of the query terms it
   * contains ÷ the same over all query terms. A term no article contains counts as the rarest.
   */
  coverage(query: ReadonlyMap<string, number>, doc: number): number {
    const rarest = Math.log(1 + (this.ids.length + 0.5) / 0.5)
    let all = 0
    let held = 0
    for (const [term, w] of query) {
      const t = this.terms.get(term)
      if (t === undefined) { all += w * rarest; continue }
      const x = w * this.idfs[t]!
      all += x
      // postings are in document order: binary search
      let lo = this.offsets[t]!, hi = this.offsets[t + 1]! - 1
      while (lo <= hi) {
        const mid = (lo + hi) >> 1
        const d = this.postDocs[mid]!
        if (d === doc) { held += x; break }
        if (d < doc) lo = mid + 1
        else hi = mid - 1
      }
    }
    return all > 0 ? held / all : 0
  }

  /**
   * BM25 of the query over some documents with every term's idf counted inside the document's group
   * (`groupOf`: e.g. the law of an article; `groupSize`: documents per group) instead of the whole
   * index: a term common in the group (作品 in the copyright law) distinguishes nothing there, a term
   * rare in it does. One score per entry of `docs` (search prior left out); one pass over the
   * postings of the query's terms.
   */
  groupScores(query: ReadonlyMap<string, number>, docs: readonly number[], groupOf: Uint32Array, groupSize: Uint32Array): Float64Array {
    const out = new Float64Array(docs.length)
    if (!docs.length) return out
    const slot = new Map<number, number>()
    docs.forEach((d, i) => slot.set(d, i))
    const wanted = new Uint8Array(groupSize.length)
    for (const d of docs) wanted[groupOf[d]!] = 1
    const df = new Uint32Array(groupSize.length)
    const touched: number[] = []
    const hitSlot: number[] = []
    const hitTf: number[] = []
    for (const [term, w] of query) {
      const t = this.terms.get(term)
      if (t === undefined || !(w > 0)) continue
      const idf = this.idfs[t]!
      if (!(idf > 0)) continue
      hitSlot.length = 0; hitTf.length = 0
      for (let i = this.offsets[t]!, end = this.offsets[t + 1]!; i < end; i++) {
        const d = this.postDocs[i]!
        const g = groupOf[d]!
        if (!wanted[g]) continue
        if (df[g] === 0) touched.push(g)
        df[g] = df[g]! + 1
        const s = slot.get(d)
        if (s !== undefined) { hitSlot.push(s); hitTf.push(this.postImpact[i]! / idf / (this.priors[d] || 1)) }
      }
      for (let h = 0; h < hitSlot.length; h++) {
        const s = hitSlot[h]!
        const g = groupOf[docs[s]!]!
        const n = groupSize[g]!, k = df[g]!
        out[s]! += w * Math.log(1 + (n - k + 0.5) / (k + 0.5)) * hitTf[h]!
      }
      for (const g of touched) df[g] = 0
      touched.length = 0
    }
    return out
  }

  /**
   * BM25 score of every document for weighted query terms (weight = how often the term counts).
   * Returns a dense array (0 = no term matched) and how many documents matched.
   */
  scoreAll(query: ReadonlyMap<string, number>): { scores: Float32Array, matched: number } {
    const scores = new Float32Array(this.ids.length)
    let matched = 0
    for (const [term, w] of query) {
      const t = this.terms.get(term)
      if (t === undefined || !(w > 0)) continue
      for (let i = this.offsets[t]!, end = this.offsets[t + 1]!; i < end; i++) {
        const d = this.postDocs[i]!
        if (scores[d] === 0) matched++
        scores[d]! += w * this.postImpact[i]!
      }
    }
    return { scores, matched }
  }
}

/** The `k` highest entries of a dense score array (score > 0 only), best first; ties by document number. */
export function topK(scores: ArrayLike<number>, k: number, accept?: (doc: number) => boolean): ScoredDoc[] {
  if (k <= 0) return []
  // a bounded min-heap on (score, -doc)
  const heap: ScoredDoc[] = []
  const less = (a: ScoredDoc, b: ScoredDoc) => a.score < b.score || (a.score === b.score && a.doc > b.doc)
  const up = (i: number) => {
    while (i > 0) { const p = (i - 1) >> 1; if (!less(heap[i]!, heap[p]!)) break; [heap[i], heap[p]] = [heap[p]!, heap[i]!]; i = p }
  }
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1, r = l + 1
      let m = i
      if (l < heap.length && less(heap[l]!, heap[m]!)) m = l
      if (r < heap.length && less(heap[r]!, heap[m]!)) m = r
      if (m === i) return
      [heap[i], heap[m]] = [heap[m]!, heap[i]!]; i = m
    }
  }
  for (let d = 0; d < scores.length; d++) {
    const s = scores[d]!
    if (!(s > 0)) continue
    if (heap.length >= k && !(s > heap[0]!.score)) continue
    if (accept && !accept(d)) continue
    const e = { doc: d, score: s }
    if (heap.length < k) { heap.push(e); up(heap.length - 1) } else { heap[0] = e; down(0) }
  }
  return heap.sort((a, b) => b.score - a.score || a.doc - b.doc)
}
