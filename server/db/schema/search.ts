import { sql } from 'drizzle-orm'
import { bigserial, check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'

/**
 * Search outbox: one row per (index, document). A change bumps `version` and sets it pending in the
 * same transaction as the change; the worker sends the CURRENT database row, and marks the row done
 * only if the version it sent is still the latest.
 */
export const searchOutbox = pgTable('search_outbox', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  indexName: text().notNull(),
  docId: text().notNull(),
  version: integer().notNull().default(1),
  status: text().$type<'pending' | 'done' | 'dead'>().notNull().default('pending'),
  attempts: integer().notNull().default(0),
  nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lockedBy: text(),
  lockedUntil: timestamp({ withTimezone: true }),
  lastError: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, t => [
  uniqueIndex('search_outbox_doc_key').on(t.indexName, t.docId),
  index('search_outbox_pending_idx').on(t.status, t.nextAttemptAt),
  check('search_outbox_status_check', sql`${t.status} in ('pending','done','dead')`),
])

export type OutboxRow = typeof searchOutbox.$inferSelect
