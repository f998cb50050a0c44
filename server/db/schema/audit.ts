import { sql } from 'drizzle-orm'
import { bigint, bigserial, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Insert-only audit trail. Migration 0001 adds triggers that refuse UPDATE, DELETE and TRUNCATE.
 * Never store personal values here: objects are referenced by id.
 */
export const auditLog = pgTable('audit_log', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  actorId: uuid(),
  actorRole: text(),
  action: text().notNull(),
  objectType: text(),
  objectId: text(),
  purpose: text(),
  ipHash: text(),
  outcome: text().notNull().default('ok'),
  detail: jsonb().$type<Record<string, unknown>>(),
  /** Hash chain (server/domain/audit/chain.ts): the previous row's hash and this row's own. */
  prevHash: text(),
  hash: text(),
}, t => [
  index('audit_log_at_idx').on(t.at),
  index('audit_log_object_idx').on(t.objectType, t.objectId),
  check('audit_log_action_check', sql`${t.action} ~ '^[a-z_]+(\\.[a-z_]+)+$'`),
  check('audit_log_outcome_check', sql`${t.outcome} in ('ok','denied','failed')`),
])

export type AuditRow = typeof auditLog.$inferSelect

/**
 * The head of the audit hash chain: one row, locked (SELECT … FOR UPDATE) by every audit insert so
 * rows join the chain one at a time, in the transaction of the change they record.
 */
export const auditChainHead = pgTable('audit_chain_head', {
  id: integer().primaryKey(),
  lastId: bigint({ mode: 'number' }),
  lastHash: text().notNull(),
}, t => [check('audit_chain_head_single_row', sql`${t.id} = 1`)])
