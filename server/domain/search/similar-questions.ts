// "Similar known questions": residents' questions that legal experts already linked to statute
// articles (STARD questions, the case library's 常见问法). A new question is searched against them;
// each article linked to a neighbour scores Σ weight / (k + rank + 1) over the neighbours that cite it.
// searchStatutes fuses the result into its own ranking (option `knowledge`).
// The answers are searchable text only: they are never displayed anywhere.
// Framework-free: relative imports only.
import { rewriteQuery, limitWords, type RewrittenQuery, type StatuteSearchPort } from './statute-search'
import type { Lexicon } from './lexicon'

export const KNOWN_QUESTIONS_INDEX = 'known_questions'

export type KnownQuestionSource = 'stard' | 'case'

/** One known question as indexed (also the shape the bench builds). */
export interface KnownQuestionDoc {
  id: string
  source: KnownQuestionSource
  question: string
  keywords: string
  /** Lawyer's answer: helps matching, never shown. */
  answer: string
  statuteIds: string[]
  [k: string]: unknown
}

export function knownQuestionIndexSettings() {
  return {
    searchableAttributes: ['question', 'keywords', 'answer'],
    // `id` for leave-one-out evaluation, `source` to restrict to one kind of knowledge
    filterableAttributes: ['id', 'source'],
    // the answer is matched, never returned
    displayedAttributes: ['id', 'source', 'question', 'keywords', 'statuteIds'],
    typoTolerance: { enabled: false },
    localizedAttributes: [{ attributePatterns: ['*'], locales: ['cmn'] }],
    pagination: { maxTotalHits: 1000 },
  }
}

/** Knobs of the neighbour retrieval and of its fusion into searchStatutes. Defaults are tuned on the train split (leave-one-out). */
export interface SimilarQuestionsTuning {
  /** Rank constant of the neighbour scoring Σ w / (k + rank + 1). */
  k: number
  /** Neighbours read per sub-query. */
  neighbours: number
  /** Sub-query weights (0 disables one). */
  words: number
  chunks: number
  legal: number
  /** Divide a neighbour's contribution by (number of statutes it links)^norm (0 = off). */
  norm: number
  /** How many knowledge statute ids are fused into the statute ranking. */
  depth: number
  /** RRF constant of the fusion with the statute ranking. */
  fuseK: number
  /** Law prior: articles of the laws the neighbours' links point to move up (0 = off). */
  lawBoost: number
}

export const DEFAULT_SIMILAR_TUNING: SimilarQuestionsTuning = {
  k: 10, neighbours: 20, words: 1, chunks: 1, legal: 1, norm: 0, depth: 50, fuseK: 5, lawBoost: 0.15,
}

/** Weight of the knowledge list against the statute ranking (tuned on train, leave-one-out). */
export const DEFAULT_KNOWLEDGE_WEIGHT = 1

export interface KnowledgeSubQuery { name: string, q: string, weight: number, matchingStrategy: 'last' | 'frequency' }

/** The neighbour sub-queries: content words, content chunks, legal terms first. */
export function buildKnowledgeQueries(rw: RewrittenQuery, t: SimilarQuestionsTuning = DEFAULT_SIMILAR_TUNING): KnowledgeSubQuery[] {
  const subs: KnowledgeSubQuery[] = []
  const chunks = rw.chunks.join(' ')
  if (t.words) subs.push({ name: 'words', q: limitWords(rw.words).join(' '), weight: t.words, matchingStrategy: 'last' })
  if (t.chunks) subs.push({ name: 'chunks', q: chunks, weight: t.chunks, matchingStrategy: 'frequency' })
  if (t.legal) subs.push({ name: 'legal', q: [...rw.legalTerms.slice(0, 6), ...rw.chunks].join(' '), weight: t.legal, matchingStrategy: 'last' })
  return subs.filter(s => s.q.trim())
}

/** Scores the statutes linked to ranked neighbour lists (one list per sub-query). */
export function scoreNeighbours(lists: ReadonlyArray<{ weight: number, hits: ReadonlyArray<{ statuteIds?: unknown }> }>, t: Pick<SimilarQuestionsTuning, 'k' | 'norm'> = DEFAULT_SIMILAR_TUNING): Array<{ id: string, score: number }> {
  const score = new Map<string, number>()
  for (const { weight, hits } of lists) {
    hits.forEach((h, rank) => {
      const ids = Array.isArray(h.statuteIds) ? [...new Set(h.statuteIds.filter((x): x is string => typeof x === 'string' && !!x))] : []
      if (!ids.length) return
      const s = weight / (t.k + rank + 1) / (t.norm ? ids.length ** t.norm : 1)
      for (const id of ids) score.set(id, (score.get(id) ?? 0) + s)
    })
  }
  return [...score.entries()].map(([id, s]) => ({ id, score: s })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
}

export interface SimilarQuestionsOptions {
  indexUid: string
  lexicon: Lexicon
  /** Rank constant (overrides tuning.k). */
  k?: number
  /** Neighbours per sub-query (overrides tuning.neighbours). */
  neighbours?: number
  /** Meilisearch filter on the known-question index (e.g. leave-one-out `id != "stard-1"`). */
  filter?: string
  tuning?: Partial<SimilarQuestionsTuning>
}

/** Statute ids linked to the known questions most similar to `query`, best first. Throws when the index errors. */
export async function similarQuestionStatutes(port: StatuteSearchPort, query: string | RewrittenQuery, opts: SimilarQuestionsOptions): Promise<Array<{ id: string, score: number }>> {
  const t = { ...DEFAULT_SIMILAR_TUNING, ...opts.tuning }
  if (opts.k !== undefined) t.k = opts.k
  if (opts.neighbours !== undefined) t.neighbours = opts.neighbours
  const rw = typeof query === 'string' ? rewriteQuery(query, opts.lexicon) : query
  const subs = buildKnowledgeQueries(rw, t)
  if (!subs.length || t.neighbours <= 0) return []
  const res = await port.multiSearch({
    queries: subs.map(s => ({
      indexUid: opts.indexUid, q: s.q, limit: t.neighbours, matchingStrategy: s.matchingStrategy,
      filter: opts.filter, attributesToRetrieve: ['id', 'statuteIds'], locales: ['cmn'],
    })),
  })
  return scoreNeighbours(res.results.map((r, i) => ({ weight: subs[i]!.weight, hits: r.hits as Array<{ statuteIds?: unknown }> })), t)
}

/** Statute ids are dataset ids; anything else never reaches a filter expression. */
export const SAFE_STATUTE_ID = /^[A-Za-z0-9_-]{1,100}$/

/** `id IN [...]` filter for fetching statutes by id, or `statuteIds IN [...]` for the cases citing them (unsafe ids dropped). */
export function idFilter(ids: readonly string[], attribute: 'id' | 'statuteIds' = 'id'): string {
  return `${attribute} IN [${ids.filter(id => SAFE_STATUTE_ID.test(id)).map(id => `"${id}"`).join(', ')}]`
}

/** A STARD record (eval/stard_train.jsonl) as a known question. */
export interface StardRecord { id: string, question: string, keywords?: string | null, answer?: string | null, relevant: string[] }

/** Zero-width no-break spaces (BOMs inside the text) removed, ends trimmed: stored and indexed text is the same on every driver. */
export const cleanText = (s: string | null | undefined) => (s ?? '').replace(/\uFEFF/g, '').trim()

export function stardKnownQuestion(r: StardRecord): KnownQuestionDoc {
  return { id: r.id, source: 'stard', question: cleanText(r.question), keywords: cleanText(r.keywords), answer: cleanText(r.answer), statuteIds: [...new Set(r.relevant)] }
}

/**
 * The case library's 常见问法 as known questions: every common question of a case is linked to the
 * statutes the case cites. `key` is the case's stable key (explained: slug, typical: dataset id).
 */
export function caseKnownQuestions(cases: ReadonlyArray<{ key: string, commonQuestions: readonly string[], statuteIds: readonly string[] }>): KnownQuestionDoc[] {
  const out: KnownQuestionDoc[] = []
  for (const c of cases) {
    if (!c.statuteIds.length) continue
    const key = c.key.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80)
    const seen = new Set<string>()
    c.commonQuestions.forEach((q, i) => {
      const question = cleanText(q)
      if (!question || seen.has(question)) return
      seen.add(question)
      out.push({ id: `case-${key}-${i}`, source: 'case', question, keywords: '', answer: '', statuteIds: [...new Set(c.statuteIds)] })
    })
  }
  return out
}
