// Known questions: residents' questions that legal experts already linked to statute articles
// (STARD, MIT) and the case library's 常见问法, stored in PostgreSQL (known_questions). The statute
// ranker expands every article with the questions that link it and finds the most similar ones
// (statute-ranker.ts, KnownQuestionNeighbours). The lawyers' answers are never displayed.
// Framework-free: relative imports only.

export type KnownQuestionSource = 'stard' | 'case' | 'faq'

/** One known question (the seed's rows, the bench's knowledge base). */
export interface KnownQuestionDoc {
  id: string
  source: KnownQuestionSource
  question: string
  keywords: string
  /** Lawyer's answer: kept with the question, never shown. */
  answer: string
  statuteIds: string[]
  [k: string]: unknown
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

/**
 * The team's 常见问法 per article (content/faq): questions written from one article's text, in residents'
 * words, linked to that article alone. One known question per article (id `faq-<statute id>`), its questions
 * one a line: they only expand their article (KNOWLEDGE_SOURCE_WEIGHTS.faq: never similar questions), and the
 * index counts the lines' terms as it counts separate questions (no character pair crosses a line), so an
 * article's ten questions cost one row instead of ten (~11k rows against ~104k at every fresh start).
 */
export function faqKnownQuestions(rows: ReadonlyArray<{ id: string, questions: readonly string[] }>): KnownQuestionDoc[] {
  const out: KnownQuestionDoc[] = []
  for (const r of rows) {
    if (!SAFE_STATUTE_ID.test(r.id)) continue
    const questions = [...new Set(r.questions.map(q => cleanText(q)).filter(Boolean))]
    if (questions.length) out.push({ id: `faq-${r.id}`, source: 'faq', question: questions.join('\n'), keywords: '', answer: '', statuteIds: [r.id] })
  }
  return out
}
