// The library search behind /api/search: statutes (the search module's production statute search)
// and published cases side by side. If the search engine is down or errors, the answer comes from
// PostgreSQL instead, marked `degraded`, never an empty list pretending there is nothing.
// Framework-free: the engine and the database fallback are injected.
import type { CaseHitDto, SearchFacetsDto, SearchResultDto, StatuteHitDto } from '../../../shared/types/cases'
import type { Lexicon } from '../search/lexicon'
import { limitWords, rewriteQuery, type RewrittenQuery } from '../search/query'
import { idFilter } from '../search/known-questions'
import { STATUTE_MIN_MATCH, type KnownQuestionNeighbours, type StatuteRanker } from '../search/statute-ranker'
import type { CaseCardCache } from './card-cache'
import { buildCaseFilter } from './filters'
import { highlightTerms, type HighlightDto, type HighlightTags } from './highlight'

/** A statute document as the engine returns it (statute-doc.ts StatuteDoc, read loosely). */
export interface StatuteHit {
  id: string
  law_title: string
  article_label?: string | null
  version_date?: unknown
  in_force?: unknown
  text: string
  [k: string]: unknown
}

export interface PortQuery {
  indexUid: string
  q: string
  limit: number
  offset?: number
  filter?: string | string[]
  matchingStrategy?: 'last' | 'all' | 'frequency'
  attributesToRetrieve?: string[]
  locales?: string[]
  showRankingScore?: boolean
  /** The engine leaves out hits whose ranking score is under it. */
  rankingScoreThreshold?: number
}

export interface CaseSearchQuery extends PortQuery {
  facets?: string[]
  attributesToHighlight?: string[]
  attributesToCrop?: string[]
  cropLength?: number
  highlightPreTag?: string
  highlightPostTag?: string
}

/** The slice of the engine the library search needs: one POST /multi-search (adapters/search/multi-search.ts). */
export interface LibrarySearchPort {
  multiSearch(req: { queries: CaseSearchQuery[] }): Promise<{ results: Array<{ hits: unknown[], estimatedTotalHits?: number, totalHits?: number, facetDistribution?: Record<string, Record<string, number>> }> }>
}

/** `inForce` false rows are dropped before answering (search never presents repealed law). */
export interface FallbackStatute { id: string, lawTitle: string, articleLabel: string | null, text: string, versionDate?: string | null, inForce?: boolean }
export interface FallbackCase { id: string, slug: string, title: string, category: string, summary: string, explanation: string, facts: string }

/** PostgreSQL answers when the engine cannot. */
export interface LibraryFallback {
  statutes(terms: string[], limit: number, offset: number): Promise<{ rows: FallbackStatute[], total: number }>
  cases(terms: string[], filter: { category?: string, group?: string }, limit: number, offset: number): Promise<{ rows: FallbackCase[], total: number, facets: SearchFacetsDto }>
  /** Articles by id (any order; unknown ids left out): the ranked page when the engine is down. */
  statutesById?(ids: string[]): Promise<FallbackStatute[]>
}

/** The in-memory statute ranking (statute-ranker.ts); absent until it is built. */
export interface LibraryRanker { ranker: StatuteRanker, knowledge: KnownQuestionNeighbours | null }

export interface LibrarySearchDeps {
  /** null when the engine was not reachable at start-up. */
  port: LibrarySearchPort | null
  uids: { statutes: string, cases: string }
  lexicon: Lexicon
  fallback: LibraryFallback
  /**
   * The statute ranking: articles are ranked in memory and only the page is read (from the engine,
   * or from the database when the engine is down). Built at start (priority laws first), so absent
   * only when it could not be built: the articles then come from PostgreSQL's word match.
   */
  ranker?: LibraryRanker | null
  tags: HighlightTags
  /** Weak-match cut-offs for cases (defaults CASE_MIN_SCORE, CASE_MIN_FUSED). */
  caseMinScore?: number
  caseMinFused?: number
  /** How citations of the best articles add up in the case order (default CASE_CITATION_SCORING). */
  caseCitationScoring?: CitationScoring
  /** The cards of cases listed before, by id and revision: the page's cards are read only when missing. */
  caseCards?: CaseCardCache
  /** Filled with the milliseconds of each step (rewrite, rank, engine, fuse) when given. */
  timings?: SearchTimings
  /** Give up on the engine after this long (ms) and answer from the database. */
  timeoutMs?: number
  log?: (m: string) => void
}

export interface LibraryQuery { q: string, category?: string, group?: string, page: number, limit: number }

const CASE_SEARCHABLE_SNIPPETS = ['summary', 'commonQuestions', 'explanation', 'facts', 'question', 'outcome'] as const

/**
 * Resolves once a request started just before is on its way: node:http writes it on the next tick
 * (a kept-alive socket), so this lets it leave before synchronous work holds the thread, without
 * waiting for a turn of the event loop (setImmediate would also wait for other requests' I/O).
 */
const requestWritten = () => new Promise<void>(resolve => process.nextTick(resolve))

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const t = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`search engine timeout after ${ms} ms`)), ms) })
  return Promise.race([p, t]).finally(() => clearTimeout(timer))
}

/** Words of the question plus the lexicon's legal terms: case query expansion and fallback terms. */
export function expandedTerms(q: string | RewrittenQuery, lexicon: Lexicon, max = 10): string[] {
  const rw = typeof q === 'string' ? rewriteQuery(q, lexicon) : q
  const words = rw.words.filter(w => w.length >= 2)
  return limitWords([...(words.length ? words : rw.words), ...rw.legalTerms], max)
}

export type QueryKind = 'ok' | 'nothing' | 'latin'

/**
 * What a question gives the search to work with: Chinese text (or a citation) is searched; digits,
 * punctuation and operators alone are nothing to search; Latin letters without Chinese (English,
 * pinyin, filter syntax) cannot match Chinese law text. Neither is answered with filler articles.
 */
export function queryKind(q: string): QueryKind {
  const t = q.normalize('NFKC')
  if (/\p{Script=Han}/u.test(t)) return 'ok'
  return /\p{L}{2,}/u.test(t) ? 'latin' : 'nothing'
}

export const QUERY_NOTICES: Record<Exclude<QueryKind, 'ok'> | 'weak', NonNullable<SearchResultDto['notice']>> = {
  nothing: {
    code: 'NOTHING_TO_SEARCH',
    message: '没有可以搜索的文字。请用中文说说您遇到的事，例如“老板拖欠工资怎么办”；也可以输入法律名称和条号，例如“劳动合同法第八十二条”。需要帮助请拨打 12348 公共法律服务热线。',
  },
  latin: {
    code: 'NOT_CHINESE',
    message: '目前只能搜索中文内容。请用中文描述您的问题，例如“老板拖欠工资怎么办”“离婚后孩子归谁”；不方便输入中文时，可以拨打 12348 公共法律服务热线，由工作人员为您解答。',
  },
  // the best articles hold too little of the question's words and no case matches well enough
  weak: {
    code: 'WEAK_MATCH',
    message: '没有找到与您的问题足够相关的法条或案例，为避免误导，这里不列出不相关的结果。您可以换个说法再搜，写清楚发生了什么事、和谁有纠纷；也可以拨打 12348 公共法律服务热线咨询，或先做一下法律援助自测问卷，看看能否获得免费法律援助。',
  },
}

const emptyResult = (notice: SearchResultDto['notice']): SearchResultDto => ({
  statutes: { hits: [], total: 0 },
  cases: { hits: [], total: 0, facets: { category: {}, groups: {} } },
  degraded: false,
  notice,
})

export async function searchLibrary(deps: LibrarySearchDeps, query: LibraryQuery): Promise<SearchResultDto> {
  const filters = buildCaseFilter({ category: query.category, group: query.group }) // unknown filters are a 400 first
  const kind = query.q ? queryKind(query.q) : 'ok'
  if (kind !== 'ok') return emptyResult(QUERY_NOTICES[kind])
  const offset = (query.page - 1) * query.limit
  if (deps.port) {
    try {
      return await withTimeout(searchEngine(deps, deps.port, query, filters, offset), deps.timeoutMs ?? 3000)
    } catch (e) {
      deps.log?.(`search: engine failed (${e instanceof Error ? e.message : String(e)}); answering from the database`)
    }
  }
  return searchDatabase(deps, query, offset)
}

/** What the case queries read of every candidate: enough to fuse, cut, count and page, and the card's revision. */
const CASE_LIGHT_FIELDS = ['id', 'category', 'groups', 'statuteIds', 'rev']
/** What a listed case shows: its card and the fields its snippet may come from. */
const CASE_PAGE_FIELDS = [...CASE_LIGHT_FIELDS, 'slug', 'title', 'summary', ...CASE_SEARCHABLE_SNIPPETS.filter(f => f !== 'summary')]
/** What a listed article shows (StatuteHit): the rest of the statute document is not read. */
const STATUTE_PAGE_FIELDS = ['id', 'law_title', 'article_label', 'version_date', 'in_force', 'text']
/** Case candidates read per query: the whole (filtered) library, up to the engine's hit cap. */
export const CASE_CANDIDATES = 1000

interface LightCase { id: string, category?: unknown, groups?: unknown, statuteIds?: unknown, rev?: unknown, _rankingScore?: number }
type CaseDoc = Record<string, unknown> & { id: string }

/** Wall-clock milliseconds of a request's steps (the route sends them as a Server-Timing header). */
export type SearchTimings = Record<string, number>

async function searchEngine(deps: LibrarySearchDeps, port: LibrarySearchPort, query: LibraryQuery, filters: string[], offset: number): Promise<SearchResultDto> {
  const timings = deps.timings
  let t0 = performance.now()
  const lap = (name: string) => { if (timings) { const t = performance.now(); timings[name] = (timings[name] ?? 0) + t - t0; t0 = t } }
  const rw = query.q ? rewriteQuery(query.q, deps.lexicon) : undefined // once per request
  const terms = rw ? expandedTerms(rw, deps.lexicon) : []
  const caseQ = query.q ? terms.join(' ') || query.q : ''
  const filter = filters.length ? filters : undefined
  const ranker = rw ? deps.ranker ?? null : null
  const pageEnd = offset + query.limit
  const cards = deps.caseCards
  const minScore = deps.caseMinScore ?? CASE_MIN_SCORE
  // (0) every case the words match, light fields and the engine's ranking score (for the cut-off, the
  // fusion and the facet counts); the engine leaves out the matches under the cut-off itself (query.q:
  // they are dropped below). It does not depend on the ranking: with a question to rank it is sent
  // first, so the engine matches the words while the ranker ranks.
  const wordQuery = { indexUid: deps.uids.cases, q: caseQ, filter, matchingStrategy: 'frequency' as const, locales: ['cmn'], showRankingScore: true, ...(query.q ? { rankingScoreThreshold: minScore } : {}) }
  const words0: CaseSearchQuery = { ...wordQuery, limit: CASE_CANDIDATES, attributesToRetrieve: CASE_LIGHT_FIELDS }
  lap('rewrite')
  let wordsAsked: ReturnType<LibrarySearchPort['multiSearch']> | undefined
  if (rw && ranker) {
    wordsAsked = port.multiSearch({ queries: [words0] })
    wordsAsked.catch(() => {}) // awaited below; a failure there answers from the database
    await requestWritten()
    lap('send')
  }
  // Statutes: the in-memory ranker (a few ms; the full corpus ~5–10 ms of CPU)
  let page: string[] = []
  let top: string[] = []
  let total = 0
  let more = false
  let statuteRows: Promise<{ rows: FallbackStatute[], total: number }> | undefined
  let weak = false
  if (rw && ranker) ({ page, top, total, more, weak } = rankPage(ranker, rw, offset, query.limit, query.q))
  // No ranker (it could not be built): the articles from PostgreSQL's word match, meanwhile
  else if (rw && terms.length) statuteRows = deps.fallback.statutes(terms, query.limit, offset)
  lap('rank')
  // Then one request for what depends on the ranking: (1) the cases citing the best articles, light
  // fields; (2) the page of articles by id. Without a card cache, (3) the word match's first page with
  // what a card shows: the fused page lies within (1) and (3), as a case citing no top article is
  // placed by its word rank alone, after every case the words rank above it. (0) joins it when it was
  // not sent before.
  const queries: CaseSearchQuery[] = wordsAsked ? [] : [words0]
  const linkedAt = ranker && top.length ? queries.push({ indexUid: deps.uids.cases, q: '', limit: CASE_CANDIDATES, filter: [...filters, idFilter(top, 'statuteIds')], attributesToRetrieve: cards ? CASE_LIGHT_FIELDS : CASE_PAGE_FIELDS }) - 1 : -1
  const statutesAt = page.length ? queries.push({ indexUid: deps.uids.statutes, q: '', limit: page.length, filter: idFilter(page), attributesToRetrieve: STATUTE_PAGE_FIELDS }) - 1 : -1
  const wordPageAt = cards ? -1 : queries.push({ ...wordQuery, limit: pageEnd, attributesToRetrieve: CASE_PAGE_FIELDS }) - 1
  const [sent, res] = await Promise.all([
    wordsAsked,
    queries.length ? port.multiSearch({ queries }).then(r => r.results) : Promise.resolve([]),
  ])
  lap('engine')
  const words = ((sent ? sent.results[0]?.hits : res[0]?.hits) ?? []) as LightCase[]
  const strong = query.q ? words.filter(h => (h._rankingScore ?? 1) >= minScore) : words
  const linked = linkedAt >= 0 ? ((res[linkedAt]?.hits ?? []) as LightCase[]).filter(h => citesAny(h, top)) : []
  const minFused = deps.caseMinFused ?? CASE_MIN_FUSED
  const scoring = deps.caseCitationScoring ?? CASE_CITATION_SCORING
  const fused = query.q ? fuseCasesScored(strong, linked, top, 10, scoring).filter(x => x.score >= minFused).map(x => x.hit) : fuseCases(strong, linked, top, 10, scoring)
  const casePage = fused.slice(offset, pageEnd)
  const shown = new Map<string, CaseDoc>()
  if (cards) {
    for (const h of casePage) { const c = cards.get(h.id, h.rev); if (c) shown.set(h.id, c) }
  } else {
    for (const h of [...((res[wordPageAt]?.hits ?? []) as CaseDoc[]), ...(linked as CaseDoc[])]) if (h && typeof h.id === 'string') shown.set(h.id, h)
  }
  // cards not held (first listing, or the case changed): read them by id, and keep them
  const missing = casePage.map(h => h.id).filter(id => !shown.has(id))
  if (missing.length) {
    const more = (await port.multiSearch({ queries: [{ indexUid: deps.uids.cases, q: '', limit: missing.length, filter: [...filters, caseIdFilter(missing)], attributesToRetrieve: CASE_PAGE_FIELDS }] })).results
    for (const h of (more[0]?.hits ?? []) as CaseDoc[]) { shown.set(h.id, h); cards?.set(h) }
    lap('cards')
  }
  let st: { hits: StatuteHit[], total: number }
  if (statuteRows) {
    const rows = await statuteRows
    st = { hits: rows.rows.map(r => ({ id: r.id, law_title: r.lawTitle, article_label: r.articleLabel, version_date: r.versionDate ?? null, in_force: r.inForce, text: r.text })), total: rows.total }
    lap('database')
  } else {
    st = { hits: statutesAt >= 0 ? inOrder(page, (res[statutesAt]?.hits ?? []) as StatuteHit[]) : [], total }
  }
  const caseDocs = casePage.flatMap(h => shown.get(h.id) ?? [])
  // the index holds only articles in force; a document of an older mapping (before its rebuild) that
  // says otherwise is dropped here all the same
  const statuteHits: StatuteHitDto[] = st.hits.filter(h => h.in_force !== false).map(h => ({
    id: h.id, lawTitle: h.law_title, articleLabel: h.article_label ?? null, text: h.text,
    highlight: highlightTerms(h.text, terms), versionDate: typeof h.version_date === 'string' ? h.version_date : null,
  }))
  const caseHits: CaseHitDto[] = caseDocs.map(h => ({
    id: String(h.id), slug: String(h.slug), title: String(h.title), category: String(h.category), summary: String(h.summary ?? ''),
    highlight: caseSnippet(h, terms),
  }))
  const facets = caseFacets(fused)
  lap('fuse')
  // the counts are of the list itself: filtering by a category or group returns exactly that many
  return {
    statutes: { hits: statuteHits, total: st.total, ...(more ? { more: true } : {}) },
    cases: { hits: caseHits, total: fused.length, facets },
    degraded: false,
    ...(weak && !fused.length ? { notice: QUERY_NOTICES.weak } : {}),
  }
}

/**
 * The engine's ranking score (0–1) a case must reach on the question's words to be listed (cases
 * citing the best articles are listed whatever their words). Measured on the team-judged set
 * (bench/search-quality.ts, case rows; docs/search.md): below it the matches are filler.
 */
export const CASE_MIN_SCORE = 0.3
/**
 * The fused score (fuseCases) a case must reach to be listed: 1/18 keeps a case the words put in the
 * first seven, or one citing one of the seven best articles, or both weaker together. Measured as above.
 */
export const CASE_MIN_FUSED = 1 / 18

function citesAny(h: LightCase, ids: readonly string[]): boolean {
  return Array.isArray(h.statuteIds) && h.statuteIds.some(id => ids.includes(id as string))
}

/** Category and group counts of the listed cases (a case counts once per group it serves). */
export function caseFacets(list: ReadonlyArray<{ category?: unknown, groups?: unknown }>): SearchFacetsDto {
  const facets: SearchFacetsDto = { category: {}, groups: {} }
  for (const h of list) {
    if (typeof h.category === 'string') facets.category[h.category] = (facets.category[h.category] ?? 0) + 1
    if (Array.isArray(h.groups)) for (const g of new Set(h.groups)) if (typeof g === 'string') facets.groups[g] = (facets.groups[g] ?? 0) + 1
  }
  return facets
}

/** Case ids are UUIDs; anything else never reaches a filter expression. */
function caseIdFilter(ids: readonly string[]): string {
  return `id IN [${ids.filter(id => /^[A-Za-z0-9_-]{1,100}$/.test(id)).map(id => `"${id}"`).join(', ')}]`
}

/** The first readable field (summary first) holding a word of the question, marked; else the summary. */
function caseSnippet(h: Record<string, unknown>, terms: readonly string[]): HighlightDto {
  const lower = terms.map(t => t.toLowerCase()).filter(Boolean)
  for (const k of CASE_SEARCHABLE_SNIPPETS) {
    const v = h[k]
    const text = Array.isArray(v) ? v.filter(x => typeof x === 'string').join('；') : typeof v === 'string' ? v : ''
    if (text && lower.some(t => text.toLowerCase().includes(t))) return highlightTerms(text, terms, 120)
  }
  return highlightTerms(String(h.summary ?? ''), terms, 120)
}

/** How many of the best-ranked articles bring in the cases that cite them. */
export const LINKED_STATUTES = 10

/**
 * How a case's citations of the best-ranked articles add up (each cited article at rank r is worth
 * 1/(k+r+1)): `sum` adds them (a case citing many articles of one law gains for each), `max` takes
 * the best one, `bm25` divides the sum by 1 − b + b·(the case's citations ÷ the candidates' mean),
 * as BM25 normalises a document's length. Measured in bench/search-quality.ts --cases-only.
 */
export type CitationScoring = 'sum' | 'max' | 'bm25'
export const CASE_CITATION_SCORING: CitationScoring = 'bm25'

/**
 * Cases in fused order: reciprocal rank of the engine's word match, plus for every cited article
 * among the best-ranked ones the reciprocal of its rank. A case that explains the article the
 * question is about comes up even when its wording differs from the question's.
 */
export function fuseCases<T extends { id: string, statuteIds?: unknown }>(engine: readonly T[], linked: readonly T[], topStatutes: readonly string[], k = 10, scoring: CitationScoring = CASE_CITATION_SCORING): T[] {
  return fuseCasesScored(engine, linked, topStatutes, k, scoring).map(e => e.hit)
}

const citationsOf = (h: { statuteIds?: unknown }): unknown[] => Array.isArray(h.statuteIds) ? [...new Set(h.statuteIds)] : []

/** fuseCases with each case's fused score. */
export function fuseCasesScored<T extends { id: string, statuteIds?: unknown }>(engine: readonly T[], linked: readonly T[], topStatutes: readonly string[], k = 10, scoring: CitationScoring = CASE_CITATION_SCORING): Array<{ hit: T, score: number }> {
  const statuteRank = new Map(topStatutes.map((id, i) => [id, i]))
  const all = [...new Map([...engine, ...linked].map(h => [h.id, h])).values()]
  const meanCitations = scoring === 'bm25' && all.length ? all.reduce((a, h) => a + citationsOf(h).length, 0) / all.length : 1
  const score = new Map<string, { hit: T, score: number, order: number }>()
  const entry = (h: T, order: number) => {
    let e = score.get(h.id)
    if (!e) {
      const cited = citationsOf(h)
      let sum = 0, max = 0
      for (const id of cited) {
        const r = statuteRank.get(id as string)
        if (r !== undefined) { const w = 1 / (k + r + 1); sum += w; max = Math.max(max, w) }
      }
      const s = scoring === 'max' ? max : scoring === 'bm25' ? sum / (1 - 0.75 + 0.75 * cited.length / Math.max(meanCitations, 1e-9)) : sum
      e = { hit: h, score: s, order }
      score.set(h.id, e)
    }
    return e
  }
  engine.forEach((h, i) => { entry(h, i).score += 1 / (k + i + 1) })
  linked.forEach((h, i) => entry(h, engine.length + i))
  return [...score.values()].sort((a, b) => b.score - a.score || a.order - b.order)
}

/**
 * The ranker's page of article ids, the best LINKED_STATUTES ids (for the cases citing them) and the
 * total. A citation ("劳动合同法第八十二条", "民法典1079条") puts that article first; a law's name
 * alone lists that law's articles in order.
 */
export function rankPage(r: LibraryRanker, rw: RewrittenQuery, offset: number, limit: number, q = '', minMatch = STATUTE_MIN_MATCH): { page: string[], top: string[], total: number, more: boolean, weak: boolean } {
  const depth = Math.max(offset + limit, LINKED_STATUTES)
  const cited = q ? r.ranker.citations.resolve(q, depth) : null
  if (cited?.kind === 'law') {
    return { page: cited.ids.slice(offset, offset + limit), top: cited.ids.slice(0, LINKED_STATUTES), total: cited.total, more: false, weak: false }
  }
  const ranked = r.ranker.rank(rw, r.knowledge, { depth })
  let ids = ranked.ranked.map(x => x.id)
  // the cases come from the best articles in the hand-tuned order (RankResult.handTuned)
  let basis = ranked.handTuned ?? ids
  let total = ranked.total
  if (cited?.kind === 'article') {
    if (!ids.includes(cited.id)) total += 1
    ids = [cited.id, ...ids.filter(id => id !== cited.id)]
    basis = [cited.id, ...basis.filter(id => id !== cited.id)]
  } else if (ranked.match < minMatch) {
    // a weak match: the articles are not answers, and bring in no cases
    return { page: [], top: [], total: 0, more: false, weak: true }
  }
  return { page: ids.slice(offset, offset + limit), top: basis.slice(0, LINKED_STATUTES), total, more: ranked.more, weak: false }
}

/** Hits in the order of `ids` (ids the index does not hold are left out). */
function inOrder<T extends { id: string }>(ids: readonly string[], hits: readonly T[]): T[] {
  const byId = new Map(hits.filter(h => h && typeof h.id === 'string').map(h => [h.id, h]))
  return ids.flatMap(id => byId.get(id) ?? [])
}

/** The ranker's page read from PostgreSQL (the engine is down, the ranking is not). */
async function rankedFromDatabase(r: LibraryRanker, rw: RewrittenQuery, byId: NonNullable<LibraryFallback['statutesById']>, limit: number, offset: number, q: string) {
  const { page, total, more } = rankPage(r, rw, offset, limit, q) // a weak match: no page
  return { rows: page.length ? inOrder(page, await byId(page)) : [], total, more }
}

async function searchDatabase(deps: LibrarySearchDeps, query: LibraryQuery, offset: number): Promise<SearchResultDto> {
  const rw = query.q ? rewriteQuery(query.q, deps.lexicon) : undefined
  const terms = rw ? expandedTerms(rw, deps.lexicon, 8) : []
  const byId = deps.fallback.statutesById
  const [st, cs] = await Promise.all([
    (rw && deps.ranker && byId
      ? rankedFromDatabase(deps.ranker, rw, byId, query.limit, offset, query.q)
      : terms.length ? deps.fallback.statutes(terms, query.limit, offset) : Promise.resolve({ rows: [], total: 0 })) as Promise<{ rows: FallbackStatute[], total: number, more?: boolean }>,
    deps.fallback.cases(terms, { category: query.category, group: query.group }, query.limit, offset),
  ])
  return {
    statutes: {
      hits: st.rows.filter(r => r.inForce !== false).map(r => ({
        id: r.id, lawTitle: r.lawTitle, articleLabel: r.articleLabel, text: r.text, highlight: highlightTerms(r.text, terms), versionDate: r.versionDate ?? null,
      })),
      total: st.total,
      ...(st.more ? { more: true } : {}),
    },
    cases: {
      hits: cs.rows.map((r) => {
        const field = [r.summary, r.explanation, r.facts].find(t => terms.some(term => t.toLowerCase().includes(term.toLowerCase()))) ?? r.summary
        return { id: r.id, slug: r.slug, title: r.title, category: r.category, summary: r.summary, highlight: highlightTerms(field, terms, 120) }
      }),
      total: cs.total,
      facets: cs.facets,
    },
    degraded: true,
  }
}
