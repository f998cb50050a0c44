// Known questions: residents' legal questions that experts already linked to statute articles
// (STARD, MIT), the case library's 常见问法 and the team's 常见问法 per article (content/faq). Retrieval only: the statute ranker finds
// them and fuses their statutes into the statute ranking. The answers are NEVER displayed.
import { sql } from 'drizzle-orm'
import { check, index, pgTable, text } from 'drizzle-orm/pg-core'
import { timestamps } from './_shared'

export const KNOWN_QUESTION_SOURCES = ['stard', 'case', 'faq'] as const
export type KnownQuestionSourceValue = typeof KNOWN_QUESTION_SOURCES[number]

export const knownQuestions = pgTable('known_questions', {
  /** Stable id, also the search document id (`stard-12`, `case-<case key>-<n>`, `faq-<statute id>`: one row per article, its questions one a line). */
  id: text().primaryKey(),
  source: text().$type<KnownQuestionSourceValue>().notNull(),
  question: text().notNull(),
  keywords: text().notNull().default(''),
  /** Lawyer's answer (STARD): searchable text only, never shown. */
  answer: text().notNull().default(''),
  /** Linked statute ids. Not a foreign key: the statute corpus may be imported later; unknown ids are dropped at query time. */
  statuteIds: text().array().notNull().default(sql`'{}'::text[]`),
  ...timestamps,
}, t => [
  index('known_questions_source_idx').on(t.source),
  check('known_questions_source_check', sql`${t.source} in ('stard','case','faq')`),
  check('known_questions_id_check', sql`${t.id} ~ '^[A-Za-z0-9_-]{1,120}$'`),
])

export type KnownQuestionRow = typeof knownQuestions.$inferSelect
export type NewKnownQuestionRow = typeof knownQuestions.$inferInsert
