// The library search behind /api/search: statutes (the search module's production statute search)
// and published cases side by side. If the search engine is down or errors, the answer comes from
// PostgreSQL instead, marked `degraded`, never an empty list pretending there is nothing.
// Framework-free: the engine and the database fallback are injected.
import type { CaseHitDto, SearchFacetsDto, SearchResultDto, StatuteHitDto } from '../../../shared/types/cases'
import type { Lexicon } from '../search/lexicon'
import { limitWords, rewriteQuery, type RewrittenQuery } from '../search/query'
import { idFilter } from '../search/known-questions'
import type { KnownQuestionNeighbours, StatuteRanker } from '../search/statute-ranker'
import { buildCaseFilter } from './filters'
import { hasMatch, highlightFormatted, highlightTerms, type HighlightTags } from './highlight'

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
}

export interface CaseSearchQuery extends PortQuery {
  facets?: string[]
  attributesToHighlight?: string[]
  attributesToCrop?: string[]
  cropLength?: number
  highlightPreTag?: string
  highlightPostTag?: string
}

/** The slice of the Meilisearch client the library search needs (the official client fits). */
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
  /** Give up on the engine after this long (ms) and answer from the database. */
  timeoutMs?: number
  log?: (m: string) => void
}

export interface LibraryQuery { q: string, category?: string, group?: string, page: number, limit: number }

const CASE_SEARCHABLE_SNIPPETS = ['summary', 'commonQuestions', 'explanation', 'facts', 'question', 'outcome'] as const

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

export const QUERY_NOTICES: Record<Exclude<QueryKind, 'ok'>, { code: 'NOTHING_TO_SEARCH' | 'NOT_CHINESE', message: string }> = {
  nothing: {
    code: 'NOTHING_TO_SEARCH',
    message: '没有可以搜索的文字。请用中文说说您遇到的事，例如“老板拖欠工资怎么办”；也可以输入法律名称和条号，例如“劳动合同法第八十二条”。需要帮助请拨打 12348 公共法律服务热线。',
  },
  latin: {
    code: 'NOT_CHINESE',
    message: '目前只能搜索中文内容。请用中文描述您的问题，例如“老板拖欠工资怎么办”“离婚后孩子归谁”；不方便输入中文时，可以拨打 12348 公共法律服务热线，由工作人员为您解答。',
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

async function searchEngine(deps: LibrarySearchDeps, port: LibrarySearchPort, query: LibraryQuery, filters: string[], offset: number): Promise<SearchResultDto> {
  const { tags } = deps
  // Statutes: the in-memory ranker. Only the final page is highlighted, here, from the question's words and the lexicon's legal
  // terms (escaped first): asking the engine to format deep fused lists cost ~10× in load tests.
  const rw = query.q ? rewriteQuery(query.q, deps.lexicon) : undefined // once per request
  const terms = rw ? expandedTerms(rw, deps.lexicon) : []
  const caseQ = query.q ? terms.join(' ') || query.q : ''
  const caseQuery: CaseSearchQuery = {
    indexUid: deps.uids.cases, q: caseQ, limit: query.limit, offset, filter: filters.length ? filters : undefined,
    matchingStrategy: 'frequency', facets: ['category', 'groups'], locales: ['cmn'],
    attributesToHighlight: ['title', ...CASE_SEARCHABLE_SNIPPETS], attributesToCrop: ['explanation', 'facts', 'question', 'outcome'], cropLength: 40,
    highlightPreTag: tags.pre, highlightPostTag: tags.post,
  }
  let st: { hits: StatuteHit[], total: number }
  let cs: Awaited<ReturnType<LibrarySearchPort['multiSearch']>>
  let linkedCases: Array<Record<string, unknown>> | undefined
  if (rw && deps.ranker) {
    // ranked here; one round trip reads the cases, the page of articles and the cases citing the best articles
    const { page, top, total } = rankPage(deps.ranker, rw, offset, query.limit, query.q)
    const pool = Math.max(CASE_POOL, offset + query.limit)
    const queries: CaseSearchQuery[] = [{ ...caseQuery, offset: 0, limit: pool }]
    if (page.length) queries.push({ indexUid: deps.uids.statutes, q: '', limit: page.length, filter: idFilter(page) })
    if (top.length) queries.push({ indexUid: deps.uids.cases, q: '', limit: pool, filter: [...filters, idFilter(top, 'statuteIds')] })
    cs = await port.multiSearch({ queries })
    st = { hits: page.length ? inOrder(page, (cs.results[1]?.hits ?? []) as StatuteHit[]) : [], total }
    linkedCases = fuseCases(
      cs.results[0]!.hits as Array<Record<string, unknown> & { id: string }>,
      (top.length ? cs.results[page.length ? 2 : 1]?.hits ?? [] : []) as Array<Record<string, unknown> & { id: string }>,
      top,
    ).slice(offset, offset + query.limit)
  } else {
    // No ranker (it could not be built): the cases from the engine, the articles from PostgreSQL's
    // word match. There is one statute ranking, the ranker's; this only keeps the page useful.
    const [rows, res] = await Promise.all([
      rw && terms.length ? deps.fallback.statutes(terms, query.limit, offset) : Promise.resolve({ rows: [] as FallbackStatute[], total: 0 }),
      port.multiSearch({ queries: [caseQuery] }),
    ])
    st = { hits: rows.rows.map(r => ({ id: r.id, law_title: r.lawTitle, article_label: r.articleLabel, version_date: r.versionDate ?? null, in_force: r.inForce, text: r.text })), total: rows.total }
    cs = res
  }
  const caseRes = cs.results[0]!
  // the index holds only articles in force; a document of an older mapping (before its rebuild) that
  // says otherwise is dropped here all the same
  const statuteHits: StatuteHitDto[] = st.hits.filter(h => h.in_force !== false).map(h => ({
    id: h.id, lawTitle: h.law_title, articleLabel: h.article_label ?? null, text: h.text,
    highlight: highlightTerms(h.text, terms), versionDate: typeof h.version_date === 'string' ? h.version_date : null,
  }))
  const caseHits: CaseHitDto[] = (linkedCases ?? caseRes.hits as Array<Record<string, unknown>>).map((h) => {
    const f = (h._formatted ?? {}) as Record<string, unknown>
    const snippet = pickSnippet(f, tags)
    return {
      id: String(h.id), slug: String(h.slug), title: String(h.title), category: String(h.category), summary: String(h.summary ?? ''),
      // a case found only through the articles it cites has no engine marks: mark its summary here
      highlight: snippet !== undefined ? highlightFormatted(snippet, tags) : highlightTerms(String(h.summary ?? ''), terms),
    }
  })
  const fd = caseRes.facetDistribution ?? {}
  return {
    statutes: { hits: statuteHits, total: st.total },
    cases: { hits: caseHits, total: Math.max(caseRes.estimatedTotalHits ?? caseRes.totalHits ?? 0, caseHits.length + offset), facets: { category: fd.category ?? {}, groups: fd.groups ?? {} } },
    degraded: false,
  }
}

/** How many of the best-ranked articles bring in the cases that cite them. */
export const LINKED_STATUTES = 10
/** Case candidates read from the engine before fusion. */
export const CASE_POOL = 30

/**
 * Cases in fused order: reciprocal rank of the engine's word match, plus for every cited article
 * among the best-ranked ones the reciprocal of its rank. A case that explains the article the
 * question is about comes up even when its wording differs from the question's.
 */
export function fuseCases<T extends { id: string, statuteIds?: unknown }>(engine: readonly T[], linked: readonly T[], topStatutes: readonly string[], k = 10): T[] {
  const statuteRank = new Map(topStatutes.map((id, i) => [id, i]))
  const score = new Map<string, { hit: T, score: number, order: number }>()
  const entry = (h: T, order: number) => {
    let e = score.get(h.id)
    if (!e) {
      const cited = Array.isArray(h.statuteIds) ? h.statuteIds : []
      let s = 0
      for (const id of new Set(cited)) { const r = statuteRank.get(id as string); if (r !== undefined) s += 1 / (k + r + 1) }
      e = { hit: h, score: s, order }
      score.set(h.id, e)
    }
    return e
  }
  engine.forEach((h, i) => { entry(h, i).score += 1 / (k + i + 1) })
  linked.forEach((h, i) => entry(h, engine.length + i))
  return [...score.values()].sort((a, b) => b.score - a.score || a.order - b.order).map(e => e.hit)
}

/**
 * The ranker's page of article ids, the best LINKED_STATUTES ids (for the cases citing them) and the
 * total. A citation ("劳动合同法第八十二条", "民法典1079条") puts that article first; a law's name
 * alone lists that law's articles in order.
 */
export function rankPage(r: LibraryRanker, rw: RewrittenQuery, offset: number, limit: number, q = ''): { page: string[], top: string[], total: number } {
  const depth = Math.max(offset + limit, LINKED_STATUTES)
  const cited = q ? r.ranker.citations.resolve(q, depth) : null
  if (cited?.kind === 'law') {
    return { page: cited.ids.slice(offset, offset + limit), top: cited.ids.slice(0, LINKED_STATUTES), total: cited.total }
  }
  const ranked = r.ranker.rank(rw, r.knowledge, { depth })
  let ids = ranked.ranked.map(x => x.id)
  let total = ranked.total
  if (cited?.kind === 'article') {
    if (!ids.includes(cited.id)) total += 1
    ids = [cited.id, ...ids.filter(id => id !== cited.id)]
  }
  return { page: ids.slice(offset, offset + limit), top: ids.slice(0, LINKED_STATUTES), total }
}

/** Hits in the order of `ids` (ids the index does not hold are left out). */
function inOrder<T extends { id: string }>(ids: readonly string[], hits: readonly T[]): T[] {
  const byId = new Map(hits.filter(h => h && typeof h.id === 'string').map(h => [h.id, h]))
  return ids.flatMap(id => byId.get(id) ?? [])
}

/** The first readable field where the engine marked a match (summary first). */
function pickSnippet(f: Record<string, unknown>, tags: HighlightTags): string | undefined {
  for (const k of CASE_SEARCHABLE_SNIPPETS) {
    const v = f[k]
    const s = Array.isArray(v) ? v.filter(x => typeof x === 'string' && hasMatch(x, tags)).join('；') : typeof v === 'string' ? v : ''
    if (hasMatch(s, tags)) return s
  }
  return undefined
}

/** The ranker's page read from PostgreSQL (the engine is down, the ranking is not). */
async function rankedFromDatabase(r: LibraryRanker, rw: RewrittenQuery, byId: NonNullable<LibraryFallback['statutesById']>, limit: number, offset: number, q: string) {
  const { page, total } = rankPage(r, rw, offset, limit, q)
  return { rows: page.length ? inOrder(page, await byId(page)) : [], total }
}

async function searchDatabase(deps: LibrarySearchDeps, query: LibraryQuery, offset: number): Promise<SearchResultDto> {
  const rw = query.q ? rewriteQuery(query.q, deps.lexicon) : undefined
  const terms = rw ? expandedTerms(rw, deps.lexicon, 8) : []
  const byId = deps.fallback.statutesById
  const [st, cs] = await Promise.all([
    rw && deps.ranker && byId
      ? rankedFromDatabase(deps.ranker, rw, byId, query.limit, offset, query.q)
      : terms.length ? deps.fallback.statutes(terms, query.limit, offset) : Promise.resolve({ rows: [], total: 0 }),
    deps.fallback.cases(terms, { category: query.category, group: query.group }, query.limit, offset),
  ])
  return {
    statutes: {
      hits: st.rows.filter(r => r.inForce !== false).map(r => ({
        id: r.id, lawTitle: r.lawTitle, articleLabel: r.articleLabel, text: r.text, highlight: highlightTerms(r.text, terms), versionDate: r.versionDate ?? null,
      })),
      total: st.total,
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
