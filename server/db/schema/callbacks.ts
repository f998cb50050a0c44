import { sql } from 'drizzle-orm'
import { check, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { appointments } from './appointments'
import { staffUsers } from './staff'

/**
 * 12348 callbacks are appointments of channel `hotline_callback` (the one booking model, issue 9);
 * what the hotline adds to them lives here: each try at the callback and who is to make it.
 * The old `callbacks` / `callback_windows` tables were moved onto appointments by migration 0015
 * (same ids, so these rows and the audit trail follow).
 */
export const ATTEMPT_RESULTS = ['no_answer', 'busy', 'wrong_number', 'not_safe_to_talk', 'completed'] as const
export type AttemptResult = typeof ATTEMPT_RESULTS[number]

const inList = (values: readonly string[]) => sql.raw(values.map(v => `'${v.replace(/'/g, "''")}'`).join(','))

/**
 * Each try at a promised callback: at most three (MAX_ATTEMPTS in domain/hotline/callbacks.ts, and
 * the check below), numbered 1..3, one row per number.
 */
export const callbackAttempts = pgTable('callback_attempts', {
  id: uuid().primaryKey().defaultRandom(),
  callbackId: uuid().notNull().references(() => appointments.id),
  attemptNo: integer().notNull(),
  result: text().$type<AttemptResult>().notNull(),
  at: timestamp({ withTimezone: true }).notNull(),
  by: uuid().notNull().references(() => staffUsers.id),
}, t => [
  uniqueIndex('callback_attempts_number_key').on(t.callbackId, t.attemptNo),
  check('callback_attempts_number_check', sql`${t.attemptNo} between 1 and 3`),
  check('callback_attempts_result_check', sql`${t.result} in (${inList(ATTEMPT_RESULTS)})`),
])

/** Who is to make a callback; reassigned between operators (audited). No row: whoever takes it. */
export const callbackAssignments = pgTable('callback_assignments', {
  callbackId: uuid().primaryKey().references(() => appointments.id),
  operatorId: uuid().notNull().references(() => staffUsers.id),
  assignedBy: uuid().notNull().references(() => staffUsers.id),
  assignedAt: timestamp({ withTimezone: true }).notNull(),
})

export type CallbackAttemptRow = typeof callbackAttempts.$inferSelect
