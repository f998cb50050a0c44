// THE statute search used in production and in the bench. Framework-free.
import { normalizeQuery, stripPhrases, contentWords } from './normalize'
import { matchLexicon, type Lexicon, type LexiconMatch } from './lexicon'
import { STATUTE_INDEX } from './statute-doc'

export interface StatuteHit {
  id: string
  law_id: string
  law_title: string
  law_short_title?: string
  level: string
  article_label: string
  article_no?: number
  chapter?: string
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

/** The slice of a Meilisearch client the search needs (the official client satisfies it). */
export interface StatuteSearchPort {
  multiSearch(req: { queries: PortQuery[] }): Promise<{ results: Array<{ hits: unknown[], estimatedTotalHits?: number, totalHits?: number }> }>
}

export interface SearchStatutesOptions {
  limit?: number
  offset?: number
  /** Extra Meilisearch filter AND-ed to every sub-query (e.g. `level = "法律"`). */
  filter?: string
  lexicon: Lexicon
  indexUid?: string
  /** Depth of each fused list. */
  depth?: number
}

export interface RewrittenQuery {
  normalized: string
  /** Question with the question frames removed. */
  stripped: string
  /** Content words (fillers removed). */
  words: string[]
  matches: LexiconMatch[]
  /** Legal terms contributed by the lexicon, in question order. */
  legalTerms: string[]
  domains: string[]
}

/** Normalises the question and applies the lexicon. */
export function rewriteQuery(raw: string, lexicon: Lexicon): RewrittenQuery {
  const normalized = normalizeQuery(raw)
  const stripped = stripPhrases(normalized)
  const words = contentWords(normalized)
  const matches = matchLexicon(normalized, lexicon.entries)
  const legalTerms: string[] = []
  const domains: string[] = []
  for (const m of matches) {
    for (const l of m.entry.legal) if (!legalTerms.includes(l)) legalTerms.push(l)
    if (m.entry.domain && !domains.includes(m.entry.domain)) domains.push(m.entry.domain)
  }
  return { normalized, stripped, words, matches, legalTerms, domains }
}

/** Meilisearch reads only the first 10 words: keep the first `max` unique words. */
export function limitWords(words: readonly string[], max = 10): string[] {
  const out: string[] = []
  for (const w of words) {
    if (out.length >= max) break
    if (!out.includes(w)) out.push(w)
  }
  return out
}

/** Reciprocal rank fusion of several ranked id lists. */
export function rrf(lists: ReadonlyArray<{ ids: readonly string[], weight?: number }>, k = 60): Array<{ id: string, score: number }> {
  const score = new Map<string, number>()
  for (const { ids, weight = 1 } of lists) {
    ids.forEach((id, rank) => score.set(id, (score.get(id) ?? 0) + weight / (k + rank + 1)))
  }
  return [...score.entries()].map(([id, s]) => ({ id, score: s })).sort((a, b) => b.score - a.score)
}

export interface SubQuery { q: string, weight: number, matchingStrategy: 'last' | 'all' | 'frequency', filter?: string }

/** Builds the fused sub-queries for a rewritten question. */
export function buildSubQueries(rw: RewrittenQuery, lexicon: Lexicon): SubQuery[] {
  void lexicon
  const subs: SubQuery[] = []
  subs.push({ q: limitWords(rw.words).join(' '), weight: 1, matchingStrategy: 'last' })
  return subs.filter(s => s.q.trim())
}

function andFilter(a?: string, b?: string): string | undefined {
  if (a && b) return `(${a}) AND (${b})`
  return a || b || undefined
}

export async function searchStatutes(port: StatuteSearchPort, q: string, opts: SearchStatutesOptions): Promise<{ hits: StatuteHit[], total: number }> {
  const limit = opts.limit ?? 10
  const offset = opts.offset ?? 0
  const depth = Math.max(opts.depth ?? 100, offset + limit)
  const indexUid = opts.indexUid ?? STATUTE_INDEX
  const rw = rewriteQuery(q, opts.lexicon)
  const subs = buildSubQueries(rw, opts.lexicon)
  if (subs.length === 0) return { hits: [], total: 0 }
  const res = await port.multiSearch({
    queries: subs.map(s => ({
      indexUid, q: s.q, limit: depth, matchingStrategy: s.matchingStrategy,
      filter: andFilter(opts.filter, s.filter), locales: ['cmn'],
    })),
  })
  const byId = new Map<string, StatuteHit>()
  const lists = res.results.map((r, i) => {
    const ids: string[] = []
    for (const h of r.hits as StatuteHit[]) { byId.set(h.id, h); ids.push(h.id) }
    return { ids, weight: subs[i]!.weight }
  })
  const fused = rrf(lists)
  const total = Math.max(fused.length, ...res.results.map(r => r.estimatedTotalHits ?? r.totalHits ?? 0))
  return { hits: fused.slice(offset, offset + limit).map(f => byId.get(f.id)!), total }
}
