// THE statute search used in production and in the bench. Framework-free.
import { normalizeQuery, stripPhrases, contentWords, contentChunks } from './normalize'
import { matchLexicon, type Lexicon, type LexiconMatch } from './lexicon'
import { STATUTE_INDEX } from './statute-doc'
import { similarQuestionStatutes, idFilter, SAFE_STATUTE_ID, DEFAULT_SIMILAR_TUNING, type SimilarQuestionsTuning } from './similar-questions'

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
  tuning?: Partial<SearchTuning>
  /**
   * Similar known questions (see similar-questions.ts) fused into the ranking. If that index is
   * missing or errors, the statute sub-queries still answer on their own.
   */
  knowledge?: KnowledgeOption
}

export interface KnowledgeOption {
  indexUid: string
  /** Weight of the knowledge list against the statute ranking (0 disables it). */
  weight: number
  /** Filter on the known-question index (leave-one-out, source). */
  filter?: string
  tuning?: Partial<SimilarQuestionsTuning>
  /** Told when the knowledge side failed and was left out. */
  onError?: (e: unknown) => void
}

export interface RewrittenQuery {
  normalized: string
  /** Question with the question frames removed. */
  stripped: string
  /** Content words (fillers removed). */
  words: string[]
  /** Content chunks: runs of adjacent content words. */
  chunks: string[]
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
  const chunks = contentChunks(normalized)
  const matches = matchLexicon(normalized, lexicon.entries)
  const legalTerms: string[] = []
  const domains: string[] = []
  for (const m of matches) {
    for (const l of m.entry.legal) if (!legalTerms.includes(l)) legalTerms.push(l)
    if (m.entry.domain && !domains.includes(m.entry.domain)) domains.push(m.entry.domain)
  }
  return { normalized, stripped, words, chunks, matches, legalTerms, domains }
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

export interface SubQuery { name: string, q: string, weight: number, matchingStrategy: 'last' | 'all' | 'frequency', filter?: string }

/** Weights of the fused sub-queries (0 disables one). Defaults are the tuned values. */
export interface SearchTuning {
  words: number
  wordsFreq: number
  chunks: number
  chunksFreq: number
  reversed: number
  windows: number
  legalFirst: number
  legalOnly: number
  rewritten: number
  core: number
  /** RRF constant. */
  k: number
  /** Law-vote bonus: articles of the laws most of the top results come from move up. */
  lawVote: number
}

export const DEFAULT_TUNING: SearchTuning = {
  words: 1, wordsFreq: 1, chunks: 1, chunksFreq: 1, reversed: 1, windows: 0.5,
  legalFirst: 2, legalOnly: 2, rewritten: 1, core: 1, k: 60, lawVote: 0.5,
}

/** The question with synonym keys replaced by their first legal term (expansions keep the key). */
export function rewriteText(rw: RewrittenQuery): string {
  let out = ''
  let at = 0
  for (const m of rw.matches) {
    if (m.index < at) continue
    out += rw.normalized.slice(at, m.index)
    out += m.entry.kind === 'synonym' ? ` ${m.entry.legal[0]} ` : m.key
    at = m.index + m.key.length
  }
  return out + rw.normalized.slice(at)
}

/** Builds the fused sub-queries for a rewritten question. */
export function buildSubQueries(rw: RewrittenQuery, tuning: SearchTuning = DEFAULT_TUNING): SubQuery[] {
  const t = tuning
  const subs: SubQuery[] = []
  const w = limitWords(rw.words).join(' ')
  const c = rw.chunks.join(' ')
  if (t.words) subs.push({ name: 'words', q: w, weight: t.words, matchingStrategy: 'last' })
  if (t.wordsFreq) subs.push({ name: 'wordsFreq', q: w, weight: t.wordsFreq, matchingStrategy: 'frequency' })
  if (t.chunks) subs.push({ name: 'chunks', q: c, weight: t.chunks, matchingStrategy: 'last' })
  if (t.chunksFreq) subs.push({ name: 'chunksFreq', q: c, weight: t.chunksFreq, matchingStrategy: 'frequency' })
  if (t.reversed && rw.chunks.length > 1) subs.push({ name: 'reversed', q: [...rw.chunks].reverse().join(' '), weight: t.reversed, matchingStrategy: 'last' })
  if (t.windows) {
    const ws = limitWords(rw.words.filter(x => x.length > 1))
    for (let i = 1; i + 2 < ws.length && i < 5; i += 2) subs.push({ name: 'window', q: ws.slice(i, i + 3).join(' '), weight: t.windows, matchingStrategy: 'all' })
  }
  if (rw.legalTerms.length) {
    const legal = rw.legalTerms.slice(0, 6)
    if (t.legalFirst) subs.push({ name: 'legalFirst', q: [...legal, ...rw.chunks].join(' '), weight: t.legalFirst, matchingStrategy: 'last' })
    if (t.legalOnly) subs.push({ name: 'legalOnly', q: legal.join(' '), weight: t.legalOnly, matchingStrategy: 'frequency' })
    if (t.rewritten) {
      const rc = contentChunks(normalizeQuery(rewriteText(rw)))
      subs.push({ name: 'rewritten', q: rc.join(' '), weight: t.rewritten, matchingStrategy: 'last' })
    }
  }
  if (t.core) subs.push({ name: 'core', q: c, weight: t.core, matchingStrategy: 'last', filter: 'law_tier = 0' })
  return subs.filter(s => s.q.trim())
}

/** Law id of a dataset article id (`L67a404eb29-a0031` → `L67a404eb29`). */
export function lawOfId(id: string): string {
  const i = id.lastIndexOf('-')
  return i > 0 ? id.slice(0, i) : ''
}

function andFilter(a?: string, b?: string): string | undefined {
  if (a && b) return `(${a}) AND (${b})`
  return a || b || undefined
}

/** `q` may be a question, or one already rewritten by the caller (so a request rewrites it once). */
export async function searchStatutes(port: StatuteSearchPort, q: string | RewrittenQuery, opts: SearchStatutesOptions): Promise<{ hits: StatuteHit[], total: number }> {
  const limit = opts.limit ?? 10
  const offset = opts.offset ?? 0
  const depth = Math.max(opts.depth ?? 100, offset + limit)
  const indexUid = opts.indexUid ?? STATUTE_INDEX
  const rw = typeof q === 'string' ? rewriteQuery(q, opts.lexicon) : q
  const tuning = { ...DEFAULT_TUNING, ...opts.tuning }
  const subs = buildSubQueries(rw, tuning)
  if (subs.length === 0) return { hits: [], total: 0 }
  const kn = opts.knowledge && opts.knowledge.weight > 0 ? opts.knowledge : undefined
  const knTuning = { ...DEFAULT_SIMILAR_TUNING, ...kn?.tuning }
  // the knowledge side runs next to the statute sub-queries; its failure only loses its list
  const knownP = kn
    ? similarQuestionStatutes(port, rw, { indexUid: kn.indexUid, lexicon: opts.lexicon, filter: kn.filter, tuning: knTuning })
        .catch((e: unknown) => { kn.onError?.(e); return [] as Array<{ id: string, score: number }> })
    : Promise.resolve([] as Array<{ id: string, score: number }>)
  const [res, known] = await Promise.all([
    port.multiSearch({
      queries: subs.map(s => ({
        indexUid, q: s.q, limit: depth, matchingStrategy: s.matchingStrategy,
        filter: andFilter(opts.filter, s.filter), locales: ['cmn'],
      })),
    }),
    knownP,
  ])
  const byId = new Map<string, StatuteHit>()
  const lists = res.results.map((r, i) => {
    const ids: string[] = []
    for (const h of r.hits as StatuteHit[]) { byId.set(h.id, h); ids.push(h.id) }
    return { ids, weight: subs[i]!.weight }
  })
  let fused = rrf(lists, tuning.k)
  if (tuning.lawVote > 0 && fused.length) {
    // law-level pseudo relevance feedback: laws that dominate the top of the fused list get a bonus
    const votes = new Map<string, number>()
    for (const f of fused.slice(0, 30)) { const law = byId.get(f.id)!.law_id; votes.set(law, (votes.get(law) ?? 0) + f.score) }
    const max = Math.max(...votes.values())
    fused = fused.map(f => ({ id: f.id, score: f.score + tuning.lawVote * (votes.get(byId.get(f.id)!.law_id) ?? 0) / max / tuning.k }))
      .sort((a, b) => b.score - a.score)
  }
  const statuteCount = fused.length
  if (kn && known.length) {
    const kIds = known.slice(0, knTuning.depth).map(x => x.id).filter(id => SAFE_STATUTE_ID.test(id))
    // articles only the knowledge side found: fetched from the statute index (caller filter applies;
    // ids the index does not hold are dropped)
    const missing = kIds.filter(id => !byId.has(id))
    if (missing.length) {
      try {
        const r = await port.multiSearch({
          queries: [{ indexUid, q: '', limit: missing.length, filter: andFilter(opts.filter, idFilter(missing)) }],
        })
        for (const h of r.results[0]?.hits as StatuteHit[] ?? []) if (h && typeof h.id === 'string') byId.set(h.id, h)
      } catch (e) {
        kn.onError?.(e)
      }
    }
    fused = rrf([
      { ids: fused.map(f => f.id), weight: 1 },
      { ids: kIds.filter(id => byId.has(id)), weight: kn.weight },
    ], knTuning.fuseK)
    if (knTuning.lawBoost > 0) {
      // law prior from the neighbours' links: which laws the similar known questions point to
      const laws = new Map<string, number>()
      for (const k of known.slice(0, knTuning.depth)) {
        const law = lawOfId(k.id)
        if (law) laws.set(law, (laws.get(law) ?? 0) + k.score)
      }
      const max = Math.max(0, ...laws.values())
      if (max > 0) {
        fused = fused.map(f => ({ id: f.id, score: f.score + knTuning.lawBoost * (laws.get(byId.get(f.id)?.law_id ?? lawOfId(f.id)) ?? 0) / max / (knTuning.fuseK + 1) }))
          .sort((a, b) => b.score - a.score)
      }
    }
  }
  const total = Math.max(fused.length, statuteCount, ...res.results.map(r => r.estimatedTotalHits ?? r.totalHits ?? 0))
  return { hits: fused.slice(offset, offset + limit).map(f => byId.get(f.id)!), total }
}
