// The statute ranking for plain-language questions: BM25 over the articles (lexical-index.ts) with
// the question's own words plus the lexicon's legal terms, fused with the statutes that legal
// experts linked to the most similar known questions, and a law prior from those links.
// Framework-free: relative imports only. Weights are tuned on the STARD train split only
// (leave-one-out); see docs/search.md for the measured figures.
import { LexicalIndexBuilder, groupLayout, lexicalTerms, termCounts, topK, topKOf, type Bm25Params, type GroupLayout, type LexicalIndex, type ScoredDoc } from './lexical-index'
import type { RewrittenQuery } from './query'
import type { StatuteDoc } from './statute-doc'
import { CitationIndex } from './citation'
import { ARTICLE_MODEL, CANDIDATES, candidateFeatureRows, modelScore, type ArticleModel, type FeatureContext } from './article-model'

/**
 * What the ranker needs of an article (the citation fields are optional: without them no citation
 * finds it; `in_force: false` articles are never added: see `add`).
 */
export type RankerStatute = Pick<StatuteDoc, 'id' | 'law_id' | 'law_title' | 'level' | 'law_tier' | 'is_latest' | 'region' | 'text'>
  & Partial<Pick<StatuteDoc, 'article_no' | 'article_label' | 'law_short_title' | 'level_rank' | 'in_force' | 'chapter'>>

/** 32-bit FNV-1a of an article's text with whitespace removed: the same text twice is shown once. */
export function textKey(text: string): number {
  let h = 0x811C9DC5
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000) continue
    h ^= c
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

/** Known question as the ranker reads it (the known_questions table / bench knowledge). */
export interface RankerKnownQuestion { id: string, source?: string | null, question: string, keywords?: string | null, answer?: string | null, statuteIds: readonly string[] }

/**
 * How much a source of known questions counts, against an expert-linked question: × the expansion weight
 * in the articles it links, and × its similarity among the similar known questions. Sources not listed
 * count 1 and 1. The team's 常见问法 per article (content/faq) only expand the article they were written
 * for: as neighbours they pull the page to the articles of their topic; with ten questions an article in two
 * styles (residents' words, consultation-site wording) their words count 2 × an expert-linked question's
 * (train, 5-fold, docs/search.md round seven: flat from 1.5 to 2.5).
 */
export const KNOWLEDGE_SOURCE_WEIGHTS: KnowledgeSourceWeights = {
  faq: { expansion: 2, neighbours: 0 },
}

export type KnowledgeSourceWeights = Readonly<Record<string, { expansion: number, neighbours: number }>>

export function knowledgeWeight(k: Pick<RankerKnownQuestion, 'source'>, use: 'expansion' | 'neighbours', weights: KnowledgeSourceWeights = KNOWLEDGE_SOURCE_WEIGHTS): number {
  const w = k.source ? weights[k.source] : undefined
  return w ? w[use] : 1
}

export interface StatuteRankerTuning {
  /** Weight of each lexicon legal-term occurrence against a question term (1). */
  lexicon: number
  /** Weight of the known-question list against the normalised BM25 score. */
  knowledge: number
  /** Neighbours read. */
  neighbours: number
  /** A neighbour contributes similarity^power to each article it links. */
  power: number
  /** Law prior: every article of a law the neighbours link to gets this × the law's share. */
  lawPrior: number
  /** Weight of a single Han character of the question against a character pair (1). */
  unigram: number
  /**
   * Law-local term weight: the best LOCAL_CANDIDATES articles also get this × their BM25 with idf
   * counted among the articles of their own law (normalised to the best), so the article that
   * differs from its neighbours by the question's words moves up within its law.
   */
  local: number
}

export const DEFAULT_RANKER_TUNING: StatuteRankerTuning = { lexicon: 0.5, knowledge: 1, neighbours: 10, power: 3, lawPrior: 0.2, unigram: 1, local: 0 }

/** BM25 multiplier by law tier (statute-doc.ts lawTier): core codes first, amendment blobs last. */
export const TIER_PRIOR: readonly number[] = [1, 0.93, 0.9, 0.87, 0.85, 0.8, 0.8, 0.3]
/** Superseded versions (full corpus only) rank below the current text. */
export const SUPERSEDED_PRIOR = 0.5

const LOCAL_LEVEL = '地方性法规'

/**
 * Document expansion: every article is also found by the known questions that link it, each of
 * their terms counting this much against a term of the article's own text (tuned on train, 5-fold).
 */
export const DEFAULT_EXPANSION_WEIGHT = 0.2

/** The text a known question expands the articles it links with: its question and keywords. */
export function expansionText(k: Pick<RankerKnownQuestion, 'question' | 'keywords'>): string {
  return `${k.question} ${k.keywords ?? ''}`.trim()
}

/** Known-question text per linked statute id (question and keywords), for document expansion. */
export function expansionsByStatute(known: Iterable<RankerKnownQuestion>): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const k of known) {
    const text = expansionText(k)
    if (!text) continue
    for (const id of new Set(k.statuteIds)) {
      let list = out.get(id)
      if (!list) { list = []; out.set(id, list) }
      list.push(text)
    }
  }
  return out
}

export function statutePrior(s: Pick<RankerStatute, 'law_tier' | 'is_latest'>): number {
  return (TIER_PRIOR[s.law_tier] ?? TIER_PRIOR[TIER_PRIOR.length - 1]!) * (s.is_latest ? 1 : SUPERSEDED_PRIOR)
}

/** Region names as a question may say them: 宁夏回族自治区 → also 宁夏; 银川市 → 银川. */
export function regionAliases(region: string): string[] {
  const r = region.trim()
  if (!r) return []
  const short = r.replace(/(维吾尔|回族|壮族)?自治区$|特别行政区$|省$|市$|自治州$|地区$|县$/, '')
  return [...new Set([r, short.length >= 2 ? short : r])]
}

/** Collects articles, then builds the ranker. */
export class StatuteRankerBuilder {
  private readonly lexical = new LexicalIndexBuilder()
  /**
   * The text each article is also found by (document expansion), with the weight of its terms: the
   * known questions linking it at their source's weight × the expansion weight, and (benches only)
   * the lawyers' answers at `answerWeight`.
   */
  private readonly expansions = new Map<string, Array<{ text: string, weight: number }>>()

  /**
   * `known`: the known questions whose text expands the articles they link (none: no expansion), each
   * source at its weight (`sourceWeights`, default KNOWLEDGE_SOURCE_WEIGHTS) × `expansionWeight`.
   */
  constructor(o: { known?: Iterable<RankerKnownQuestion>, expansionWeight?: number, answerWeight?: number, sourceWeights?: KnowledgeSourceWeights } = {}) {
    const expansionWeight = o.expansionWeight ?? DEFAULT_EXPANSION_WEIGHT
    const answerWeight = o.answerWeight ?? 0
    const expand = (k: RankerKnownQuestion, text: string, weight: number) => {
      if (!(weight > 0) || !text) return
      for (const id of new Set(k.statuteIds)) {
        let list = this.expansions.get(id)
        if (!list) { list = []; this.expansions.set(id, list) }
        list.push({ text, weight })
      }
    }
    for (const k of o.known ?? []) {
      expand(k, expansionText(k), knowledgeWeight(k, 'expansion', o.sourceWeights) * expansionWeight)
      expand(k, k.answer ?? '', answerWeight)
    }
  }

  private readonly lawOfDoc: number[] = []
  private readonly laws = new Map<string, number>()
  private readonly localRegion: Array<string | null> = []
  private readonly titles = new Map<string, number>()
  private readonly titleOfDoc: number[] = []
  private readonly articleOfDoc: number[] = []
  private readonly textOfDoc: number[] = []
  private readonly chapters = new Map<string, number>()
  private readonly chapterOfDoc: number[] = []
  private readonly lengthOfDoc: number[] = []
  private readonly priorOfDoc: number[] = []
  private readonly citations = new CitationIndex()

  get size(): number { return this.lexical.size }

  /**
   * Adds an article. An article that is not law in force (a superseded version, a repealed
   * instrument, a law an editor marked) is left out: it can never be ranked, so no search presents
   * it as the answer. Returns whether it was added.
   */
  add(s: RankerStatute): boolean {
    if (s.in_force === false) return false
    this.lexical.add({
      id: s.id, text: `${s.law_title} ${s.text}`, prior: statutePrior(s), weighted: this.expansions.get(s.id),
    })
    let law = this.laws.get(s.law_id)
    if (law === undefined) { law = this.laws.size; this.laws.set(s.law_id, law) }
    this.lawOfDoc.push(law)
    this.localRegion.push(s.level === LOCAL_LEVEL ? (s.region ?? '') : null)
    let title = this.titles.get(s.law_title)
    if (title === undefined) { title = this.titles.size; this.titles.set(s.law_title, title) }
    this.titleOfDoc.push(title)
    this.articleOfDoc.push(s.article_no ?? 0)
    this.textOfDoc.push(textKey(s.text))
    const chapter = s.chapter ?? ''
    let c = this.chapters.get(chapter)
    if (c === undefined) { c = this.chapters.size; this.chapters.set(chapter, c) }
    this.chapterOfDoc.push(c)
    this.lengthOfDoc.push(s.text.length)
    this.priorOfDoc.push(statutePrior(s))
    if (s.article_no !== undefined) {
      this.citations.add({
        id: s.id, law_title: s.law_title, law_short_title: s.law_short_title, article_no: s.article_no,
        article_label: s.article_label, is_latest: s.is_latest, level_rank: s.level_rank,
      })
    }
    return true
  }

  build(params?: Bm25Params): StatuteRanker {
    return new StatuteRanker(this.lexical.build(params), Uint32Array.from(this.lawOfDoc), this.laws.size, this.localRegion, {
      titleOfDoc: Uint32Array.from(this.titleOfDoc), articleOfDoc: Uint32Array.from(this.articleOfDoc), textOfDoc: Uint32Array.from(this.textOfDoc),
    }, this.citations, {
      chapterOfDoc: Uint32Array.from(this.chapterOfDoc), chapters: [...this.chapters.keys()],
      lengthOfDoc: Uint32Array.from(this.lengthOfDoc), priorOfDoc: Float32Array.from(this.priorOfDoc),
    })
  }
}

/**
 * The order production uses when a caller names no model: the learned article order (article-model.ts: a linear
 * model and 100 boosted trees on top of it) over the hand-tuned score's best CANDIDATES. Against the hand-tuned
 * order: train, nested 5-fold, hit@5 0.771 → 0.801, hit@10 0.841 → 0.866, MRR 0.621 → 0.661; dev (the model of the
 * train split) hit@5 0.751 → 0.798, hit@10 0.836 → 0.850, MRR 0.581 → 0.635 (`npx tsx bench/learn-ranker.ts --dev`);
 * all 1,235 questions nested, trained as production's on both splits, hit@10 0.864 (`bench/learning-curve.ts`;
 * docs/search.md, rounds ten and eleven).
 */
export const PRODUCTION_ARTICLE_MODEL: ArticleModel | null = ARTICLE_MODEL

export interface RankOptions {
  /** How many ranked ids to return (offset + limit of the page). */
  depth: number
  tuning?: Partial<StatuteRankerTuning>
  /** Known questions to skip (leave-one-out evaluation). */
  excludeKnown?: (id: string) => boolean
  /**
   * The learned re-ranking of the best CANDIDATES articles (article-model.ts); `null` ranks by the
   * hand-tuned score alone. Default: PRODUCTION_ARTICLE_MODEL.
   */
  model?: ArticleModel | null
  /** The bench's hook: the feature context and the candidates in hand-tuned order (nothing re-ranked). */
  onCandidates?: (ctx: FeatureContext, top: readonly ScoredDoc[]) => void
  /**
   * Score every article (the reference the pruned ranking is tested against; slower on the full
   * corpus). The answer is the same either way.
   */
  exhaustive?: boolean
  /** Filled with what the pruned ranking read (tests and benches). */
  stats?: RankStats
}

/** What one ranking read: articles scored exactly, and query terms read in full of all. */
export interface RankStats { pruned: boolean, candidates: number, fullTerms: number, terms: number }

export interface RankResult {
  ranked: Array<{ id: string, score: number }>
  /**
   * Articles scoring at least TOTAL_FLOOR of the best one (a single shared character is no match),
   * counted up to totalBound(depth): the page and whether another follows are what a reader needs,
   * and a bounded count lets the ranking skip the articles that cannot reach the page.
   */
  total: number
  /** More articles than `total` reach the floor ("100 条以上"). */
  more: boolean
  /**
   * The same articles in the hand-tuned order, when the learned order re-ordered them: the case list is
   * fused from these (its weights were tuned on them: nDCG@5 0.819 against 0.785 from the learned order,
   * bench/search-quality.ts --cases-only), and `match` is read from them.
   */
  handTuned?: string[]
  /**
   * How well the best articles match the question's own words (0–1): the largest share of the
   * question's idf mass one of the first MATCH_DEPTH articles holds. Below STATUTE_MIN_MATCH the
   * articles are not answers (the library search shows none).
   */
  match: number
}

/** Articles the law-local term weight re-orders (StatuteRankerTuning.local). */
export const LOCAL_CANDIDATES = 100

/** Articles read for `match`. */
export const MATCH_DEPTH = 3
/**
 * The weak-match cut-off for articles, measured (bench/search-quality.ts --no-engine prints `match`
 * for the STARD questions and for bench/data/off-topic.json): below it nearly no legal question and
 * most everyday questions that are not about law.
 */
export const STATUTE_MIN_MATCH = 0.2

/** Share of the best score an article needs to count in `total`. */
export const TOTAL_FLOOR = 0.2
/** `total` counts the articles at TOTAL_FLOOR up to this many ("100 条以上" beyond). */
export const TOTAL_CAP = 100

/** How far `total` counts for a ranking `depth` deep: TOTAL_CAP, or one past the depth (another page?). */
export function totalBound(depth: number): number {
  return Math.max(TOTAL_CAP, depth + 1)
}

export class StatuteRanker {
  private readonly docOf: Map<string, number>
  private readonly regions: Map<string, string[]>

  constructor(
    readonly index: LexicalIndex,
    private readonly lawOfDoc: Uint32Array,
    private readonly lawCount: number,
    private readonly localRegion: ReadonlyArray<string | null>,
    private readonly identity: DocIdentity | null = null,
    /** Law names and article numbers of the articles in force: citations typed as people type them. */
    readonly citations: CitationIndex = new CitationIndex(),
    private readonly extra: DocExtra | null = null,
  ) {
    this.docOf = new Map(index.ids.map((id, i) => [id, i]))
    this.regions = new Map()
    for (const r of localRegion) if (r !== null && !this.regions.has(r)) this.regions.set(r, regionAliases(r))
  }

  get size(): number { return this.index.size }
  has(id: string): boolean { return this.docOf.has(id) }

  /** Query terms: the question's terms, plus the lexicon's legal terms at `lexicon` weight. */
  queryTerms(rw: Pick<RewrittenQuery, 'normalized' | 'legalTerms'>, lexiconWeight: number, unigram = 1): Map<string, number> {
    const q = termCounts(rw.normalized)
    if (lexiconWeight > 0) for (const l of rw.legalTerms) termCounts(l, lexiconWeight, q)
    if (unigram !== 1) for (const [t, w] of q) if (t.length === 1 && t.charCodeAt(0) >= 0x3400) q.set(t, w * unigram)
    return q
  }

  rank(rw: Pick<RewrittenQuery, 'normalized' | 'legalTerms'>, knowledge: KnownQuestionNeighbours | null, opts: RankOptions): RankResult {
    const t = { ...DEFAULT_RANKER_TUNING, ...opts.tuning }
    const model = opts.model === undefined ? PRODUCTION_ARTICLE_MODEL : opts.model
    // the bench's features and the law-local weight read every article's BM25; the learned order reads
    // the best CANDIDATES', which the pruned ranking scores exactly
    if (opts.exhaustive || (opts.onCandidates && this.extra) || t.local > 0) return this.rankAll(rw, knowledge, opts, t)
    return this.rankPruned(rw, knowledge, opts, t, model && this.extra ? model : null)
  }

  /**
   * The same answer as rankAll (ids, scores, total, match) from the articles that can matter:
   * LexicalIndex.scorePruned lists every article whose score can reach the page or the bounded
   * `total` (the best totalBound(depth) + 1 articles), plus the articles the similar questions link and every article
   * of the laws they link (the law prior lifts any article of those laws the question matches at
   * all). Everything after the BM25 runs over that list instead of every article.
   */
  private rankPruned(rw: Pick<RewrittenQuery, 'normalized' | 'legalTerms'>, knowledge: KnownQuestionNeighbours | null, opts: RankOptions, t: StatuteRankerTuning, model: ArticleModel | null): RankResult {
    const terms = this.queryTerms(rw, t.lexicon, t.unigram)
    const linked = knowledge && t.knowledge > 0 ? knowledge.linked(terms, { neighbours: t.neighbours, power: t.power, exclude: opts.excludeKnown }) : []
    let lawShare: Float64Array | null = null
    let lawMax = 0
    const always: number[] = []
    if (linked.length) {
      lawShare = new Float64Array(this.lawCount)
      for (const { id, score } of linked) {
        const d = this.docOf.get(id)
        if (d === undefined) continue
        always.push(d)
        const law = this.lawOfDoc[d]!
        lawShare[law]! += score
        if (lawShare[law]! > lawMax) lawMax = lawShare[law]!
      }
      if (t.lawPrior > 0 && lawMax > 0) {
        const { start, docs } = this.lawDocs()
        for (let law = 0; law < this.lawCount; law++) if (lawShare[law]! > 0) for (let i = start[law]!; i < start[law + 1]!; i++) always.push(docs[i]!)
      }
    }
    const named = this.namedRegions(rw.normalized)
    const isDemoted = (d: number) => { const r = this.localRegion[d]; return r !== null && r !== undefined && !named.has(r) }
    const deep = Math.max(this.identity ? opts.depth * 2 + 20 : opts.depth, model ? CANDIDATES : 0)
    // the page and `total` (bounded: see totalBound) lie within the best `need` articles whatever the
    // lifts add (they only add), and the lifted articles are listed in `always`
    const need = Math.max(deep, totalBound(opts.depth) + 1)
    const bm = this.index.scorePruned(terms, { need, excluded: this.demotedMask(named), always })
    const { docs, scores, max } = bm
    if (opts.stats) Object.assign(opts.stats, { pruned: bm.pruned, candidates: docs.length, fullTerms: bm.fullTerms, terms: bm.terms })
    // the same steps as rankAll, on the listed articles
    if (max > 0) for (let i = 0; i < scores.length; i++) scores[i]! /= max
    // the listed articles' normalised BM25, before the similar questions add to it (the model's bm25 feature)
    const listedBm25 = model ? Float32Array.from(scores) : null
    if (linked.length) {
      for (const { id, score } of linked) {
        const d = this.docOf.get(id)
        if (d === undefined) continue
        scores[lowerBound(docs, d)]! += t.knowledge * score
      }
      if (t.lawPrior > 0 && lawMax > 0) {
        for (let i = 0; i < scores.length; i++) {
          const s = lawShare![this.lawOfDoc[docs[i]!]!]!
          if (s > 0 && scores[i]! > 0) scores[i]! += t.lawPrior * s / lawMax
        }
      }
    }
    let top = topKOf(docs, scores, deep, d => !isDemoted(d))
    if (top.length < deep && this.regions.size) top = [...top, ...topKOf(docs, scores, deep - top.length, isDemoted)]
    const handTuned = top
    if (model && listedBm25 && top.length > 1) {
      const bm25 = (d: number) => { const i = lowerBound(docs, d); return docs[i] === d ? listedBm25[i]! : 0 }
      top = this.reorder(model, this.featureContext(rw, terms, bm25, linked, lawShare, lawMax, knowledge), top, isDemoted)
    }
    return this.answer(rw, top, handTuned, scores, opts.depth)
  }

  /**
   * The answer of both paths: the final order, and `total`, the scored articles at TOTAL_FLOOR of the
   * best score (never fewer than the page).
   */
  private answer(rw: Pick<RewrittenQuery, 'normalized' | 'legalTerms'>, ordered: readonly ScoredDoc[], handOrdered: readonly ScoredDoc[], scores: ArrayLike<number>, depth: number): RankResult {
    const top = this.identity ? distinct(ordered, this.identity, depth) : ordered
    const hand = handOrdered === ordered ? top : this.identity ? distinct(handOrdered, this.identity, depth) : handOrdered
    let best = 0
    for (let i = 0; i < scores.length; i++) if (scores[i]! > best) best = scores[i]!
    let count = 0
    for (let i = 0; i < scores.length; i++) if (best > 0 && scores[i]! >= TOTAL_FLOOR * best) count++
    const bound = totalBound(depth)
    return {
      ranked: top.map(x => ({ id: this.index.ids[x.doc]!, score: x.score })), total: Math.max(Math.min(count, bound), top.length), more: count > bound,
      handTuned: hand === top ? undefined : hand.map(x => this.index.ids[x.doc]!),
      match: this.match(rw, hand),
    }
  }

  private localMask?: Uint8Array
  /** The articles isDemoted marks, as a mask: local rules, except those of the regions the question names. */
  private demotedMask(named: ReadonlySet<string>): Uint8Array {
    this.localMask ??= Uint8Array.from(this.localRegion, r => (r === null || r === undefined ? 0 : 1))
    if (!named.size) return this.localMask
    const mask = this.localMask.slice()
    for (let d = 0; d < mask.length; d++) if (mask[d] && named.has(this.localRegion[d]!)) mask[d] = 0
    return mask
  }

  private namedRegions(normalized: string): Set<string> {
    const named = new Set<string>()
    for (const [region, aliases] of this.regions) if (aliases.some(a => normalized.includes(a))) named.add(region)
    return named
  }

  /** How much of the question's own words the best MATCH_DEPTH articles hold (RankResult.match). */
  private match(rw: Pick<RewrittenQuery, 'normalized'>, top: readonly ScoredDoc[]): number {
    let match = 0
    for (const c of this.index.coverages(termCounts(rw.normalized), top.slice(0, MATCH_DEPTH).map(x => x.doc)).all) match = Math.max(match, c)
    return match
  }

  private lawDocIndex?: GroupLayout
  /** The articles of each law, ascending (counting sort, once). */
  private lawDocs(): GroupLayout {
    if (!this.lawDocIndex) this.lawDocIndex = groupLayout(this.lawOfDoc, this.lawCount)
    return this.lawDocIndex
  }

  /** Every article scored (the reference; the learned order and the benches' features need it). */
  private rankAll(rw: Pick<RewrittenQuery, 'normalized' | 'legalTerms'>, knowledge: KnownQuestionNeighbours | null, opts: RankOptions, t: StatuteRankerTuning): RankResult {
    const terms = this.queryTerms(rw, t.lexicon, t.unigram)
    const { scores } = this.index.scoreAll(terms)
    let max = 0
    for (let d = 0; d < scores.length; d++) if (scores[d]! > max) max = scores[d]!
    if (max > 0) for (let d = 0; d < scores.length; d++) scores[d]! /= max
    const model = opts.model === undefined ? PRODUCTION_ARTICLE_MODEL : opts.model
    if (opts.stats) Object.assign(opts.stats, { pruned: false, candidates: scores.length, fullTerms: terms.size, terms: terms.size })
    const bm25 = (model || opts.onCandidates) && this.extra ? Float32Array.from(scores) : null
    let lawShare: Float64Array | null = null
    let lawMax = 0
    const linked = knowledge && t.knowledge > 0 ? knowledge.linked(terms, { neighbours: t.neighbours, power: t.power, exclude: opts.excludeKnown }) : []
    if (linked.length) {
      lawShare = new Float64Array(this.lawCount)
      for (const { id, score } of linked) {
        const d = this.docOf.get(id)
        if (d === undefined) continue
        scores[d]! += t.knowledge * score
        const law = this.lawOfDoc[d]!
        lawShare[law]! += score
        if (lawShare[law]! > lawMax) lawMax = lawShare[law]!
      }
      if (t.lawPrior > 0 && lawMax > 0) {
        for (let d = 0; d < scores.length; d++) {
          const s = lawShare[this.lawOfDoc[d]!]!
          // only articles the question matched at all: the prior orders them, it does not invent hits
          if (s > 0 && scores[d]! > 0) scores[d]! += t.lawPrior * s / lawMax
        }
      }
    }
    // local rules never outrank national law unless the question names their region
    const named = this.namedRegions(rw.normalized)
    const isDemoted = (d: number) => { const r = this.localRegion[d]; return r !== null && r !== undefined && !named.has(r) }
    // read deeper than asked: the same article of another version, or the same text twice, is dropped
    const deep = Math.max(this.identity ? opts.depth * 2 + 20 : opts.depth, bm25 ? CANDIDATES : 0, t.local > 0 ? LOCAL_CANDIDATES : 0)
    let top = topK(scores, deep, d => !isDemoted(d))
    if (top.length < deep && this.regions.size) top = [...top, ...topK(scores, deep - top.length, isDemoted)]
    if (t.local > 0 && top.length > 1) top = this.lawLocal(top.slice(0, Math.max(LOCAL_CANDIDATES, opts.depth)), terms, t.local, isDemoted).concat(top.slice(Math.max(LOCAL_CANDIDATES, opts.depth)))
    const bm25Of = bm25 ? (d: number) => bm25[d]! : null
    if (bm25Of && opts.onCandidates) opts.onCandidates(this.featureContext(rw, terms, bm25Of, linked, lawShare, lawMax, knowledge), top)
    const handTuned = top
    if (bm25Of && model && !opts.onCandidates && top.length > 1) top = this.reorder(model, this.featureContext(rw, terms, bm25Of, linked, lawShare, lawMax, knowledge), top, isDemoted)
    return this.answer(rw, top, handTuned, scores, opts.depth)
  }

  /** The best CANDIDATES in the learned order; local rules stay after national law, as in the hand-tuned order. */
  private reorder(model: ArticleModel, ctx: FeatureContext, top: readonly ScoredDoc[], isDemoted: (d: number) => boolean): ScoredDoc[] {
    const docs = top.slice(0, CANDIDATES).map(x => x.doc)
    const rows = candidateFeatureRows(ctx, docs)
    const head = docs.map((doc, i) => ({ doc, score: modelScore(model, rows[i]!), demoted: isDemoted(doc) }))
    head.sort((a, b) => Number(a.demoted) - Number(b.demoted) || b.score - a.score || a.doc - b.doc)
    return [...head.map(({ doc, score }) => ({ doc, score })), ...top.slice(CANDIDATES)]
  }

  /** The candidates re-scored with the law-local term weight, best first (local rules still after national law). */
  private lawLocal(top: readonly ScoredDoc[], terms: ReadonlyMap<string, number>, weight: number, isDemoted: (d: number) => boolean): ScoredDoc[] {
    const local = this.index.groupScores(terms, top.map(x => x.doc), this.lawOfDoc, this.lawDocs())
    let max = 0
    for (const x of local) if (x > max) max = x
    if (!(max > 0)) return [...top]
    return top
      .map((x, i) => ({ doc: x.doc, score: x.score + weight * local[i]! / max, demoted: isDemoted(x.doc) }))
      .sort((a, b) => Number(a.demoted) - Number(b.demoted) || b.score - a.score || a.doc - b.doc)
      .map(({ doc, score }) => ({ doc, score }))
  }

  /**
   * The features of the best CANDIDATES articles for a question, by the hand-tuned score (the
   * bench trains the article model on them). Same protocol as `rank`.
   */
  candidateFeatures(rw: Pick<RewrittenQuery, 'normalized' | 'legalTerms'>, knowledge: KnownQuestionNeighbours | null, opts: Omit<RankOptions, 'depth' | 'model' | 'onCandidates'> = {}): Array<{ id: string, features: number[] }> {
    let out: Array<{ id: string, features: number[] }> = []
    this.rank(rw, knowledge, {
      ...opts, depth: CANDIDATES, model: null,
      onCandidates: (ctx, top) => {
        const docs = top.slice(0, CANDIDATES).map(x => x.doc)
        const rows = candidateFeatureRows(ctx, docs)
        out = docs.map((doc, i) => ({ id: this.index.ids[doc]!, features: rows[i]! }))
      },
    })
    return out
  }

  private featureContext(rw: Pick<RewrittenQuery, 'normalized'>, terms: ReadonlyMap<string, number>, bm25: (doc: number) => number, linked: ReadonlyArray<{ id: string, score: number }>, lawShare: Float64Array | null, lawMax: number, knowledge: KnownQuestionNeighbours | null): FeatureContext {
    const know = new Map<number, number>()
    for (const { id, score } of linked) { const d = this.docOf.get(id); if (d !== undefined) know.set(d, score) }
    const extra = this.extra!
    const links = knowledge ? this.linkCounts(knowledge) : null
    return {
      bm25, know, lawShare, lawMax, links,
      queryTerms: terms, normalized: rw.normalized,
      queryPairs: [...terms].filter(([t]) => t.length === 2).map(([t, w]) => [t, w * this.index.idf(t)] as const),
      lawOf: d => this.lawOfDoc[d]!,
      articleOf: d => this.identity?.articleOfDoc[d] ?? 0,
      docAt: (law, article) => this.articleDoc().get(law * 100_000 + article),
      lawArticles: law => this.lawSizes()[law] ?? 0,
      chapterTerms: d => this.chapterTerms(extra.chapterOfDoc[d]!),
      length: d => extra.lengthOfDoc[d]!,
      prior: d => extra.priorOfDoc[d]!,
      coverage: docs => this.index.coverages(terms, docs, t => t.length === 2),
      lawLocal: docs => this.index.groupScores(terms, docs, this.lawOfDoc, this.lawDocs()),
    }
  }

  private articleDocs?: Map<number, number>
  private articleDoc(): Map<number, number> {
    if (!this.articleDocs) {
      const m = new Map<number, number>()
      const art = this.identity?.articleOfDoc
      if (art) for (let d = 0; d < art.length; d++) if (art[d]! > 0) { const k = this.lawOfDoc[d]! * 100_000 + art[d]!; if (!m.has(k)) m.set(k, d) }
      this.articleDocs = m
    }
    return this.articleDocs
  }

  private lawSizeCache?: Uint32Array
  private lawSizes(): Uint32Array {
    if (!this.lawSizeCache) {
      const m = new Uint32Array(this.lawCount)
      const art = this.identity?.articleOfDoc
      for (let d = 0; d < this.lawOfDoc.length; d++) { const a = art?.[d] ?? 0; const l = this.lawOfDoc[d]!; if (a > m[l]!) m[l] = a }
      this.lawSizeCache = m
    }
    return this.lawSizeCache
  }

  private readonly chapterTermCache = new Map<number, Set<string>>()
  private chapterTerms(c: number): Set<string> {
    let s = this.chapterTermCache.get(c)
    if (!s) { s = new Set(lexicalTerms(this.extra!.chapters[c] ?? '')); this.chapterTermCache.set(c, s) }
    return s
  }

  /** Per article and per law: how many known questions link it (once per knowledge base, cached). */
  private readonly linkCache = new WeakMap<KnownQuestionNeighbours, { doc: Uint16Array, law: Uint32Array }>()
  private linkCounts(k: KnownQuestionNeighbours): { doc: Uint16Array, law: Uint32Array } {
    let c = this.linkCache.get(k)
    if (!c) {
      const doc = new Uint16Array(this.size)
      const law = new Uint32Array(this.lawCount)
      for (const [id, n] of k.linkCounts()) {
        const d = this.docOf.get(id)
        if (d === undefined) continue
        doc[d] = Math.min(65535, n)
        law[this.lawOfDoc[d]!]! += n
      }
      c = { doc, law }
      this.linkCache.set(k, c)
    }
    return c
  }
}

/** First position of `x` in ascending `xs` (xs.length when absent and larger than all). */
function lowerBound(xs: Uint32Array, x: number): number {
  let lo = 0, hi = xs.length
  while (lo < hi) { const mid = (lo + hi) >> 1; if (xs[mid]! < x) lo = mid + 1; else hi = mid }
  return lo
}

/** Per article: chapter, text length and search prior (the article model's features). */
export interface DocExtra { chapterOfDoc: Uint32Array, chapters: readonly string[], lengthOfDoc: Uint32Array, priorOfDoc: Float32Array }

/** Per article: its law title, article number and text key (StatuteRankerBuilder). */
export interface DocIdentity { titleOfDoc: Uint32Array, articleOfDoc: Uint32Array, textOfDoc: Uint32Array }

/**
 * One article per (law title, article number) and one per text, best first: two versions of the
 * same article, or an identical provision repeated in another document, appear once on a page.
 */
export function distinct<T extends { doc: number }>(top: readonly T[], id: DocIdentity, depth: number): T[] {
  const seenArticle = new Set<number>()
  const seenText = new Set<number>()
  const out: T[] = []
  for (const x of top) {
    if (out.length >= depth) break
    const article = id.articleOfDoc[x.doc]!
    const key = article > 0 ? id.titleOfDoc[x.doc]! * 100_000 + article : -1
    const text = id.textOfDoc[x.doc]!
    if ((key >= 0 && seenArticle.has(key)) || seenText.has(text)) continue
    if (key >= 0) seenArticle.add(key)
    seenText.add(text)
    out.push(x)
  }
  return out
}

/**
 * Similar known questions, by cosine of idf-weighted term vectors (idf from the statute index, so
 * a word rare in the law weighs more). Built in memory from the known questions; small.
 */
export class KnownQuestionNeighbours {
  private readonly postings = new Map<string, Array<{ q: number, w: number }>>()
  private readonly ids: string[] = []
  private readonly links: Array<readonly string[]> = []
  private readonly weights: number[] = []
  private weighted = false

  /** `weightOf`: how much a known question's similarity counts (default: its source's weight, KNOWLEDGE_SOURCE_WEIGHTS; 0 leaves it out). */
  constructor(private readonly index: LexicalIndex, questions: Iterable<RankerKnownQuestion>, o: { answerWeight?: number, weightOf?: (kq: RankerKnownQuestion) => number } = {}) {
    const aw = o.answerWeight ?? 0
    for (const kq of questions) {
      const weight = o.weightOf ? o.weightOf(kq) : knowledgeWeight(kq, 'neighbours')
      if (!(weight > 0)) continue
      if (!kq.statuteIds.length) continue
      const counts = termCounts(`${kq.question} ${kq.keywords ?? ''}`)
      if (aw > 0 && kq.answer) termCounts(kq.answer, aw, counts)
      const v = this.vector(counts)
      if (!v.size) continue
      const q = this.ids.length
      this.ids.push(kq.id)
      this.links.push([...new Set(kq.statuteIds)])
      this.weights.push(weight)
      if (weight !== 1) this.weighted = true
      for (const [term, w] of v) {
        let p = this.postings.get(term)
        if (!p) { p = []; this.postings.set(term, p) }
        p.push({ q, w })
      }
    }
  }

  get size(): number { return this.ids.length }

  /** How many known questions link each statute id. */
  linkCounts(): Map<string, number> {
    const out = new Map<string, number>()
    for (const l of this.links) for (const id of l) out.set(id, (out.get(id) ?? 0) + 1)
    return out
  }

  /** idf-weighted, unit-length vector over the terms the statute index knows. */
  private vector(counts: ReadonlyMap<string, number>): Map<string, number> {
    const v = new Map<string, number>()
    let norm = 0
    for (const [term, n] of counts) {
      const w = n * this.index.idf(term)
      if (w > 0) { v.set(term, w); norm += w * w }
    }
    norm = Math.sqrt(norm)
    for (const [term, w] of v) v.set(term, w / norm)
    return v
  }

  /** The most similar known questions, best first. */
  neighbours(terms: ReadonlyMap<string, number>, k: number, exclude?: (id: string) => boolean): Array<{ id: string, similarity: number, statuteIds: readonly string[] }> {
    const v = this.vector(terms)
    const sims = new Float64Array(this.ids.length)
    for (const [term, w] of v) for (const p of this.postings.get(term) ?? []) sims[p.q]! += w * p.w
    if (this.weighted) for (let q = 0; q < sims.length; q++) sims[q]! *= this.weights[q]!
    const top = topK(sims, k, exclude ? q => !exclude(this.ids[q]!) : undefined)
    return top.map(x => ({ id: this.ids[x.doc]!, similarity: x.score, statuteIds: this.links[x.doc]! }))
  }

  /** Statutes linked to the neighbours: Σ similarity^power over the neighbours that link each. */
  linked(terms: ReadonlyMap<string, number>, o: { neighbours: number, power: number, exclude?: (id: string) => boolean }): Array<{ id: string, score: number }> {
    const score = new Map<string, number>()
    for (const n of this.neighbours(terms, o.neighbours, o.exclude)) {
      const s = n.similarity ** o.power
      for (const id of n.statuteIds) score.set(id, (score.get(id) ?? 0) + s)
    }
    return [...score.entries()].map(([id, s]) => ({ id, score: s })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
  }
}
