// 以案释法 case library, the statute corpus it cites, the legal lexicon and the load-test-only
// bulk cases (kept apart from the public library: never shown, never seeded in a demo).
import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { CASE_CATEGORIES } from '../../../shared/domain/cases/taxonomy'
import { timestamps } from './_shared'
import { staffUsers } from './staff'

/** One article of PRC law text. `id` is the dataset id (stable, e.g. L67a404eb29-a0031). */
export const statutes = pgTable('statutes', {
  id: text().primaryKey(),
  lawId: text().notNull(),
  lawTitle: text().notNull(),
  lawShortTitle: text(),
  part: text(),
  level: text().notNull(),
  category: text(),
  region: text(),
  versionDate: text(),
  isLatest: boolean().notNull().default(true),
  /**
   * Whether this article is law in force: the dataset's `in_force` (false for superseded versions and
   * repealed instruments) AND no editorial record in `law_status_changes` for its law. Search, the
   * ranker and the index read only rows where it is true; pages show the others as not in force.
   */
  inForce: boolean().notNull().default(true),
  chapterPath: text().array().notNull().default(sql`'{}'::text[]`),
  /** null for whole-document records (`<law_id>-doc`: a decision without numbered articles). */
  articleNo: integer(),
  articleLabel: text(),
  text: text().notNull(),
}, t => [
  index('statutes_law_article_idx').on(t.lawId, t.articleNo),
  index('statutes_level_idx').on(t.level, t.isLatest),
  index('statutes_title_label_idx').on(t.lawTitle, t.articleLabel),
])

export const LAW_STATUS_KINDS = ['repealed', 'superseded'] as const
export type LawStatusKind = typeof LAW_STATUS_KINDS[number]

/**
 * Editorial record that a law (every article of `law_id`) is no longer in force: repealed
 * (废止/失效) or superseded by a newer text (修订). One standing record per law; every change is in
 * the audit log. Kept apart from `statutes` so a data re-import never loses it.
 */
export const lawStatusChanges = pgTable('law_status_changes', {
  lawId: text().primaryKey(),
  lawTitle: text().notNull(),
  status: text().$type<LawStatusKind>().notNull(),
  /** Since when it is not in force (null: not known). */
  effectiveDate: date({ mode: 'string' }),
  note: text().notNull().default(''),
  /** The law that replaces it, when its text is in the corpus (a newer version or another instrument). */
  successorLawId: text(),
  /** The successor renumbered the articles: link its law, not the article with the same label. */
  successorRenumbered: boolean().notNull().default(false),
  source: text().$type<'seed' | 'editor' | 'import'>().notNull().default('editor'),
  createdBy: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
  ...timestamps,
}, t => [
  check('law_status_changes_status_check', sql`${t.status} in ('repealed','superseded')`),
  check('law_status_changes_source_check', sql`${t.source} in ('seed','editor','import')`),
  check('law_status_changes_successor_check', sql`${t.successorLawId} is null or ${t.successorLawId} <> ${t.lawId}`),
])

/** Which dataset files the statute flags (in_force, is_latest, version_date) were last refreshed from. */
export const statuteDataState = pgTable('statute_data_state', {
  key: text().primaryKey(),
  /** Newest modification time of the dataset files when the flags were written. */
  sourceMtime: timestamp({ withTimezone: true }).notNull(),
  refreshedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/** Which statute corpora were imported completely (so a restart does not re-read the files). */
export const statuteImports = pgTable('statute_imports', {
  corpus: text().primaryKey(),
  records: integer().notNull(),
  completedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, t => [check('statute_imports_corpus_check', sql`${t.corpus} in ('priority','default','full')`)])

export const CASE_KINDS = ['explained', 'typical', 'bulk'] as const
export type CaseKind = typeof CASE_KINDS[number]
export const CASE_STATUSES = ['draft', 'published', 'unpublished'] as const
export type CaseStatus = typeof CASE_STATUSES[number]

const categoryList = sql.raw(CASE_CATEGORIES.map(c => `'${c}'`).join(','))

export const cases = pgTable('cases', {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull(),
  title: text().notNull(),
  category: text().notNull(),
  groups: text().array().notNull().default(sql`'{}'::text[]`),
  region: text().notNull(),
  date: date({ mode: 'string' }),
  source: text().notNull(),
  kind: text().$type<CaseKind>().notNull(),
  facts: text().notNull(),
  question: text().notNull().default(''),
  outcome: text().notNull().default(''),
  explanation: text().notNull(),
  nextSteps: text().array().notNull().default(sql`'{}'::text[]`),
  commonQuestions: text().array().notNull().default(sql`'{}'::text[]`),
  summary: text().notNull(),
  status: text().$type<CaseStatus>().notNull().default('draft'),
  publishedAt: timestamp({ withTimezone: true }),
  isDemo: boolean().notNull().default(false),
  createdBy: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
  ...timestamps,
  version: integer().notNull().default(1),
}, t => [
  uniqueIndex('cases_slug_key').on(t.slug),
  index('cases_status_category_idx').on(t.status, t.category),
  check('cases_category_check', sql`${t.category} in (${categoryList})`),
  check('cases_kind_check', sql`${t.kind} in ('explained','typical','bulk')`),
  check('cases_status_check', sql`${t.status} in ('draft','published','unpublished')`),
  check('cases_published_at_check', sql`${t.status} <> 'published' or ${t.publishedAt} is not null`),
])

/** Statutes a case cites, in the order the editor listed them. */
export const caseStatutes = pgTable('case_statutes', {
  caseId: uuid().notNull().references(() => cases.id, { onDelete: 'cascade' }),
  statuteId: text().notNull().references(() => statutes.id),
  position: integer().notNull().default(0),
}, t => [
  primaryKey({ name: 'case_statutes_pkey', columns: [t.caseId, t.statuteId] }),
  index('case_statutes_statute_idx').on(t.statuteId),
])

export const LEXICON_STATUSES = ['draft', 'approved', 'rejected'] as const
export type LexiconEntryStatus = typeof LEXICON_STATUSES[number]

/** Everyday words → legal terms. Only `approved` entries reach search (synonyms, query expansion). */
export const lexiconEntries = pgTable('lexicon_entries', {
  id: text().primaryKey(),
  colloquial: text().array().notNull(),
  legal: text().array().notNull(),
  kind: text().$type<'synonym' | 'expansion'>().notNull(),
  domain: text(),
  status: text().$type<LexiconEntryStatus>().notNull().default('draft'),
  source: text(),
  note: text(),
  reviewedBy: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
  reviewedAt: timestamp({ withTimezone: true }),
  ...timestamps,
}, t => [
  index('lexicon_entries_status_idx').on(t.status),
  check('lexicon_entries_status_check', sql`${t.status} in ('draft','approved','rejected')`),
  check('lexicon_entries_kind_check', sql`${t.kind} in ('synonym','expansion')`),
  check('lexicon_entries_id_check', sql`${t.id} ~ '^[A-Za-z0-9_.-]{1,80}$'`),
])

/**
 * LOAD TESTS ONLY: real judgments (LeCaRD, CAIL) from bulk_cases.jsonl.gz. Some carry real names;
 * never shown on the public site, never in the demo seed, indexed in their own `bulk_cases` index.
 */
export const bulkCases = pgTable('bulk_cases', {
  id: text().primaryKey(),
  source: text().notNull(),
  title: text().notNull().default(''),
  caseType: text(),
  topic: text(),
  causeOfAction: text(),
  charges: text().array().notNull().default(sql`'{}'::text[]`),
  court: text(),
  caseNumber: text(),
  year: integer(),
  facts: text().notNull().default(''),
  reasoning: text().notNull().default(''),
  judgment: text().notNull().default(''),
  significance: text().notNull().default(''),
})

export type StatuteRow = typeof statutes.$inferSelect
export type LawStatusRow = typeof lawStatusChanges.$inferSelect
export type NewStatuteRow = typeof statutes.$inferInsert
export type CaseRow = typeof cases.$inferSelect
export type NewCaseRow = typeof cases.$inferInsert
export type LexiconRow = typeof lexiconEntries.$inferSelect
export type BulkCaseRow = typeof bulkCases.$inferSelect
