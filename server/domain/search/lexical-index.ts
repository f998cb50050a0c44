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
  /** More text the document is found by, each term counting its `weight` (document expansion). */
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
    const index = new LexicalIndex(this.ids, this.terms, idf, offsets, postDocs, postImpact, Float32Array.from(this.priors), maxImpacts(offsets, postImpact))
    // the builder's buffers are not needed any more
    this.docTerms = new Uint32Array(0); this.docTfs = new Float32Array(0); this.docStart = [0]; this.used = 0
    return index
  }
}

export interface ScoredDoc { doc: number, score: number }

/** Positions of `docs` in ascending document order, and the documents in that order. */
function ascending(docs: readonly number[]): { order: number[], sorted: Uint32Array } {
  const order = docs.map((_, i) => i).sort((a, b) => docs[a]! - docs[b]!)
  return { order, sorted: Uint32Array.from(order, i => docs[i]!) }
}

/** Documents by group: group g holds docs[start[g] … start[g + 1]), ascending. */
export interface GroupLayout { start: Uint32Array, docs: Uint32Array }

/** The documents of each group (`groupOf[doc]` < groups), ascending: one counting sort. */
export function groupLayout(groupOf: ArrayLike<number>, groups: number): GroupLayout {
  const start = new Uint32Array(groups + 1)
  for (let d = 0; d < groupOf.length; d++) start[groupOf[d]! + 1]!++
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!
  const fill = start.slice(0, groups)
  const docs = new Uint32Array(groupOf.length)
  for (let d = 0; d < groupOf.length; d++) docs[fill[groupOf[d]!]!++] = d
  return { start, docs }
}

/** The largest impact in each term's postings (its BM25 upper bound at weight 1). */
function maxImpacts(offsets: Uint32Array, impact: Float32Array): Float32Array {
  const out = new Float32Array(offsets.length - 1)
  for (let t = 0; t < out.length; t++) {
    let m = 0
    for (let i = offsets[t]!, end = offsets[t + 1]!; i < end; i++) if (impact[i]! > m) m = impact[i]!
    out[t] = m
  }
  return out
}

/**
 * Relative safety margin of the pruning bounds: the float32 sums scoreAll makes may differ from the
 * float64 bounds by rounding (~1e-7 per term); 1e-4 keeps every decision on the safe side.
 */
const PRUNE_MARGIN = 1e-4
/** How often scorePruned looks for the bound (each look is one pass over the documents touched so far). */
const MAX_CHECKS = 6

/**
 * Documents scorePruned's bound is looked for among (the first touched: those holding the rarest
 * terms, so the best partial sums): the k-th best of some documents is at most the k-th best of all,
 * so a bound found among fewer is still safe, only looser.
 */
const KTH_SCAN = 16_384

/**
 * The `k`-th largest of `acc[docs[0..n)]` among the documents `excluded` does not mark (0 when
 * fewer): `k` of them score at least that much.
 */
export function kthBest(acc: Float64Array, docs: Uint32Array, n: number, k: number, excluded: Uint8Array | null): number {
  if (k <= 0) return Infinity
  const heap = new Float64Array(k) // a min-heap of the k largest so far
  let size = 0
  for (let j = 0; j < n; j++) {
    const d = docs[j]!
    const v = acc[d]!
    if (size === k && !(v > heap[0]!)) continue
    if (excluded && excluded[d]) continue
    let i: number
    if (size < k) {
      i = size++
      while (i > 0) { const p = (i - 1) >> 1; if (!(v < heap[p]!)) break; heap[i] = heap[p]!; i = p }
    } else {
      i = 0
      for (;;) {
        const l = 2 * i + 1, r = l + 1
        let c = l
        if (l >= k) break
        if (r < k && heap[r]! < heap[l]!) c = r
        if (!(heap[c]! < v)) break
        heap[i] = heap[c]!; i = c
      }
    }
    heap[i] = v
  }
  return size === k ? heap[0]! : 0
}

export interface PrunedScoresOptions {
  /**
   * Left-out documents score below at least `need` listed documents that `excluded` does not mark
   * (when that cannot be shown, nothing is left out): the best `need` eligible documents are listed,
   * and every document scoring as much as the `need`-th of them.
   */
  need: number
  /** Documents that do not count towards `need` (nonzero: e.g. local rules of a region not named). */
  excluded?: Uint8Array | null
  /** Documents scored exactly and listed whatever their score (ascending or not; duplicates allowed). */
  always?: ArrayLike<number>
}

export interface PrunedScores {
  /** The listed documents, ascending. */
  docs: Uint32Array
  /** Their BM25 scores, bit for bit what scoreAll gives them (0 for an `always` document no term matches). */
  scores: Float32Array
  /** The best score of the whole index (scoreAll's maximum). */
  max: number
  /** Whether documents were left out (false: every matching document is listed). */
  pruned: boolean
  /** Query terms whose postings were read in full (the rest only for the listed documents). */
  fullTerms: number
  terms: number
}
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
    private readonly maxImpact: Float32Array = maxImpacts(offsets, postImpact),
  ) {}

  // scratch space of scorePruned, one per index (ranking is synchronous: no two calls overlap)
  private scratch?: { acc: Float64Array, mark: Uint8Array, touched: Uint32Array, cand: Uint32Array }

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
    return this.coverages(query, [doc]).all[0]!
  }

  /**
   * `coverage` of several distinct documents at once (same values), and the same over the terms
   * `pick` accepts: per term one walk through its postings to the documents (ascending copy),
   * instead of a binary search per document and term.
   */
  coverages(query: ReadonlyMap<string, number>, docs: readonly number[], pick: (term: string) => boolean = () => false): { all: Float64Array, picked: Float64Array } {
    const rarest = Math.log(1 + (this.ids.length + 0.5) / 0.5)
    const { order, sorted } = ascending(docs)
    const held = new Float64Array(docs.length)
    const heldPicked = new Float64Array(docs.length)
    let all = 0
    let allPicked = 0
    for (const [term, w] of query) {
      const t = this.terms.get(term)
      const picked = pick(term)
      const x = t === undefined ? w * rarest : w * this.idfs[t]!
      all += x
      if (picked) allPicked += x
      if (t === undefined) continue
      this.addFor(sorted, t, 1, (j) => {
        held[order[j]!]! += x
        if (picked) heldPicked[order[j]!]! += x
      })
    }
    for (let i = 0; i < docs.length; i++) {
      held[i] = all > 0 ? held[i]! / all : 0
      heldPicked[i] = allPicked > 0 ? heldPicked[i]! / allPicked : 0
    }
    return { all: held, picked: heldPicked }
  }

  /**
   * BM25 of the query over some documents with every term's idf counted inside the document's group
   * (`groupOf`: e.g. the law of an article; `groups`: each group's documents, groupLayout) instead
   * of the whole index: a term common in the group (作品 in the copyright law) distinguishes nothing
   * there, a term rare in it does. One score per entry of `docs` (distinct; search prior left out). A group's
   * document frequency is two binary searches when its documents are consecutive numbers (a law's
   * articles added one after another), else a walk of its documents through the postings.
   */
  groupScores(query: ReadonlyMap<string, number>, docs: readonly number[], groupOf: ArrayLike<number>, groups: GroupLayout): Float64Array {
    const out = new Float64Array(docs.length)
    if (!docs.length) return out
    const { order, sorted } = ascending(docs)
    // a group's document frequency of the term, counted when one of `docs` in it holds the term
    const df = new Map<number, number>()
    const frequency = (t: number, g: number): number => {
      let k = df.get(g)
      if (k === undefined) {
        const from = groups.start[g]!, to = groups.start[g + 1]!
        const first = groups.docs[from]!, last = groups.docs[to - 1]!
        if (last - first === to - from - 1) k = this.lowerBound(t, last + 1) - this.lowerBound(t, first)
        else { let n = 0; this.addFor(groups.docs.subarray(from, to), t, 1, () => { n++ }); k = n }
        df.set(g, k)
      }
      return k
    }
    for (const [term, w] of query) {
      const t = this.terms.get(term)
      if (t === undefined || !(w > 0)) continue
      const idf = this.idfs[t]!
      if (!(idf > 0)) continue
      df.clear()
      this.addFor(sorted, t, 1, (j, _v, p) => {
        const s = order[j]!
        const d = docs[s]!
        const g = groupOf[d]!
        const n = groups.start[g + 1]! - groups.start[g]!, k = frequency(t, g)
        out[s]! += w * Math.log(1 + (n - k + 0.5) / (k + 0.5)) * (this.postImpact[p]! / idf / (this.priors[d] || 1))
      })
    }
    return out
  }

  /** The first position in term t's postings whose document is ≥ doc. */
  private lowerBound(t: number, doc: number): number {
    let lo = this.offsets[t]!, hi = this.offsets[t + 1]!
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.postDocs[mid]! < doc) lo = mid + 1; else hi = mid }
    return lo
  }

  /**
   * BM25 score of every document for weighted query terms (weight = how often the term counts).
   * Returns a dense array (0 = no term matched) and how many documents matched. Each score is the
   * float64 sum of its terms in `termOrder` (highest upper bound first), then stored as float32:
   * scorePruned adds up the same terms in the same order, so its scores are bit for bit these.
   */
  scoreAll(query: ReadonlyMap<string, number>): { scores: Float32Array, matched: number } {
    const { qt, qw, order } = this.termOrder(query)
    const acc = new Float64Array(this.ids.length)
    for (const q of order) {
      const t = qt[q]!, w = qw[q]!
      for (let i = this.offsets[t]!, end = this.offsets[t + 1]!; i < end; i++) {
        const d = this.postDocs[i]!
        acc[d] = acc[d]! + w * this.postImpact[i]!
      }
    }
    let matched = 0
    for (let d = 0; d < acc.length; d++) if (acc[d]! > 0) matched++
    return { scores: Float32Array.from(acc), matched }
  }

  /** The query's known terms with a positive weight, and the order they are added up in: highest upper bound (weight × largest impact) first. */
  private termOrder(query: ReadonlyMap<string, number>): { qt: number[], qw: number[], ub: number[], order: number[] } {
    const qt: number[] = [], qw: number[] = []
    for (const [term, w] of query) {
      const t = this.terms.get(term)
      if (t === undefined || !(w > 0)) continue
      qt.push(t); qw.push(w)
    }
    const ub = qt.map((t, i) => qw[i]! * this.maxImpact[t]!)
    const order = ub.map((_, i) => i).sort((a, b) => ub[b]! - ub[a]! || qt[a]! - qt[b]!)
    return { qt, qw, ub, order }
  }

  /**
   * scoreAll's scores for the documents that can matter, without reading all postings (top-k
   * pruning, "MaxScore" in term-at-a-time order). The terms are read rarest-impact first (highest
   * upper bound w × max impact); once the upper bounds of the terms left add up to less than a score
   * `need` eligible documents already reach, no document the read terms missed can reach the first
   * `need`: the rest of the terms are read only for the documents that still can (binary-search steps
   * over the long postings of the common characters instead of a walk through them). The listed
   * documents' scores are then added up in scoreAll's order with its float32 rounding, so they are bit
   * for bit scoreAll's.
   */
  scorePruned(query: ReadonlyMap<string, number>, o: PrunedScoresOptions): PrunedScores {
    const n = this.ids.length
    const s = this.scratch ??= { acc: new Float64Array(n), mark: new Uint8Array(n), touched: new Uint32Array(n), cand: new Uint32Array(n) }
    const { acc, mark, touched } = s
    const excluded = o.excluded ?? null
    const { qt, qw, ub, order } = this.termOrder(query)
    const m = qt.length
    const rest = new Float64Array(m + 1) // upper bound of the terms order[i..]
    for (let i = m - 1; i >= 0; i--) rest[i] = rest[i + 1]! + ub[order[i]!]!
    // 1. terms read in full, highest upper bound first, until no document they missed can matter
    let nt = 0
    let best = 0
    let full = m
    let cap = 0 // a score `need` eligible documents reach: a document that cannot reach it is not needed
    let checks = 0
    let checkedAt = Infinity
    for (let i = 0; i < m; i++) {
      // the need-th best partial score is at most the best: worth finding only once the rest is below
      // that, and again each time the rest has fallen by a third
      if (i > 0 && rest[i]! < best && !(rest[i]! < cap * (1 - PRUNE_MARGIN)) && checks < MAX_CHECKS && rest[i]! < checkedAt * (2 / 3)) {
        checks++
        checkedAt = rest[i]!
        cap = Math.max(cap, kthBest(acc, touched, Math.min(nt, KTH_SCAN), o.need, excluded))
      }
      if (i > 0 && rest[i]! < cap * (1 - PRUNE_MARGIN)) { full = i; break }
      const q = order[i]!
      best = Math.max(best, this.accumulate(qt[q]!, qw[q]!, acc, touched, nt))
      nt = this.touchedCount
    }
    const pruned = full < m
    // 2. the rest of the terms only for the documents that can still reach the cut-off (fewer after
    // each term) and the `always` ones (mark 2: kept whatever their score)
    const always = o.always ?? []
    const cand = s.cand
    let nc = 0
    for (let j = 0; j < always.length; j++) { const d = always[j]!; if (d < n && !mark[d]) { mark[d] = 2; cand[nc++] = d } }
    if (pruned) cap = Math.max(cap, kthBest(acc, touched, Math.min(nt, KTH_SCAN), o.need, excluded)) // again, with every term read in full
    const cutoff = () => cap * (1 - PRUNE_MARGIN)
    let keep = pruned ? cutoff() - rest[full]! : -Infinity
    for (let j = 0; j < nt; j++) { const d = touched[j]!; if (!mark[d] && acc[d]! >= keep) { mark[d] = 1; cand[nc++] = d } }
    let sorted = false
    let filteredAt = rest[full]!
    for (let i = full; i < m && nc; i++) {
      const q = order[i]!, t = qt[q]!, w = qw[q]!
      const start = this.offsets[t]!, end = this.offsets[t + 1]!
      if (!sorted && nc * 8 < end - start) { cand.subarray(0, nc).sort(); sorted = true }
      if (sorted && nc * 4 < end - start) {
        this.addFor(cand.subarray(0, nc), t, w, (j, v) => { const d = cand[j]!; acc[d] = acc[d]! + v })
      } else {
        // walk the postings, adding to the candidates only
        for (let p = start; p < end; p++) {
          const d = this.postDocs[p]!
          if (!mark[d]) continue
          acc[d] = acc[d]! + w * this.postImpact[p]!
        }
      }
      // drop the documents that cannot reach the cut-off any more: after the last term, and whenever the
      // bound of the terms left has halved (a pass over the candidates costs about what a walk saves)
      if (i + 1 < m && rest[i + 1]! > filteredAt / 2) continue
      filteredAt = rest[i + 1]!
      cap = Math.max(cap, kthBest(acc, cand, nc, o.need, excluded)) // the candidates' sums grew: so may the bound
      keep = cutoff() - rest[i + 1]!
      let k = 0
      for (let j = 0; j < nc; j++) { const d = cand[j]!; if (acc[d]! >= keep || mark[d] === 2) cand[k++] = d; else mark[d] = 0 }
      nc = k
    }
    const docs = Uint32Array.from(cand.subarray(0, nc))
    if (!sorted) docs.sort()
    for (let j = 0; j < nc; j++) mark[cand[j]!] = 0
    for (let j = 0; j < always.length; j++) { const d = always[j]!; if (d < n) mark[d] = 0 }
    const scores = new Float32Array(docs.length)
    for (let j = 0; j < docs.length; j++) scores[j] = acc[docs[j]!]!
    for (let j = 0; j < nt; j++) acc[touched[j]!] = 0
    for (let j = 0; j < always.length; j++) { const d = always[j]!; if (d < n) acc[d] = 0 }
    let max = 0
    for (let j = 0; j < scores.length; j++) if (scores[j]! > max) max = scores[j]!
    return { docs, scores, max, pruned, fullTerms: full, terms: m }
  }

  private touchedCount = 0
  /**
   * Adds a term's postings to `acc`, listing the documents it touches first (an impact is never 0:
   * idf, tf, prior and weight are all positive). Returns the best sum it made.
   */
  private accumulate(t: number, w: number, acc: Float64Array, touched: Uint32Array, nt: number): number {
    let best = 0
    for (let p = this.offsets[t]!, end = this.offsets[t + 1]!; p < end; p++) {
      const d = this.postDocs[p]!
      const a = acc[d]!
      if (a === 0) touched[nt++] = d
      const v = a + w * this.postImpact[p]!
      acc[d] = v
      if (v > best) best = v
    }
    this.touchedCount = nt
    return best
  }

  /**
   * For each of `docs` (ascending) that a term's postings hold: `add(position in docs, w × impact,
   * posting)`. A walk through the postings when they are not much longer than the list, else a
   * galloping search to each document.
   */
  private addFor(docs: Uint32Array, t: number, w: number, add: (j: number, v: number, p: number) => void): void {
    let p = this.offsets[t]!
    const end = this.offsets[t + 1]!
    if (!docs.length || p === end) return
    if (end - p < docs.length * 4) {
      // merge walk
      let j = 0
      while (p < end && j < docs.length) {
        const d = this.postDocs[p]!, x = docs[j]!
        if (d < x) p++
        else if (d > x) j++
        else { add(j, w * this.postImpact[p]!, p); p++; j++ }
      }
      return
    }
    for (let j = 0; j < docs.length && p < end; j++) {
      const d = docs[j]!
      if (this.postDocs[p]! < d) {
        // gallop: postDocs[p] < d; the first position holding ≥ d lies in (p, hi]
        let step = 1
        let hi = p + 1
        while (hi < end && this.postDocs[hi]! < d) { p = hi; step *= 2; hi = p + step }
        if (hi > end) hi = end
        let lo = p + 1
        while (lo < hi) { const mid = (lo + hi) >> 1; if (this.postDocs[mid]! < d) lo = mid + 1; else hi = mid }
        p = lo
      }
      if (p < end && this.postDocs[p] === d) { add(j, w * this.postImpact[p]!, p); p++ }
    }
  }
}

/** The `k` highest entries of a dense score array (score > 0 only), best first; ties by document number. */
export function topK(scores: ArrayLike<number>, k: number, accept?: (doc: number) => boolean): ScoredDoc[] {
  return topKOf(null, scores, k, accept)
}

/**
 * topK over listed documents only: `docs` (ascending) with their scores (`scores[i]` is `docs[i]`'s).
 * The same answer as topK over a dense array that holds these scores and lower ones elsewhere.
 */
export function topKOf(docs: ArrayLike<number> | null, scores: ArrayLike<number>, k: number, accept?: (doc: number) => boolean): ScoredDoc[] {
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
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!
    if (!(s > 0)) continue
    const d = docs ? docs[i]! : i
    if (heap.length >= k && !(s > heap[0]!.score)) continue
    if (accept && !accept(d)) continue
    const e = { doc: d, score: s }
    if (heap.length < k) { heap.push(e); up(heap.length - 1) } else { heap[0] = e; down(0) }
  }
  return heap.sort((a, b) => b.score - a.score || a.doc - b.doc)
}
