// The audit trail: insert-only (the database refuses UPDATE/DELETE/TRUNCATE). Call writeAudit with
// the transaction that makes the change (or the read) it records, so both commit or neither does.
import { and, asc, count, desc, eq, gt, inArray, is, sql } from 'drizzle-orm'
import { PgTransaction } from 'drizzle-orm/pg-core'
import type { DbOrTx, Tx } from '../db/client'
import { auditChainHead, auditLog, staffUsers, type AuditRow } from '../db/schema'
import { linkHash, type ChainFields } from '../domain/audit/chain'
import type { AuditActor } from '../domain/platform/actor'

/** Who did it: a signed-in staff member, the command line, the system, or nobody known (login). */
export type { AuditActor }

export interface AuditEntry {
  actor: AuditActor
  /** `resource.verb`, lower case: 'auth.login', 'staff.create', 'application.read' */
  action: string
  objectType?: string | null
  objectId?: string | null
  /** Why personal data was read (required in spirit for every read of personal data). */
  purpose?: string | null
  ipHash?: string | null
  outcome?: 'ok' | 'denied' | 'failed'
  /** Ids, counts, reasons, codes. Never personal values (names, ID numbers, phones, passwords, tokens). */
  detail?: Record<string, unknown> | null
}

const FORBIDDEN_DETAIL_KEYS = /pass(word)?|token|secret|phone|mobile|id_?card|id_?number|idno|身份证|电话|手机/i

/** Refuses detail keys that name personal values or secrets: a guard against careless callers. */
export function assertSafeDetail(detail: Record<string, unknown> | null | undefined): void {
  if (!detail) return
  for (const k of Object.keys(detail)) {
    if (FORBIDDEN_DETAIL_KEYS.test(k)) throw new Error(`audit detail must not carry personal values or secrets (key "${k}")`)
  }
}

/**
 * Appends one row to the hash chain. Inside the caller's transaction the chain head is locked FOR
 * UPDATE, so concurrent writers join the chain one at a time and the row, its link and the head
 * commit or roll back with the change they record. Two statements (the head is the one row every
 * writer queues on, so it is held as briefly as possible); given a plain connection instead of a
 * transaction, the two run in a transaction of their own.
 */
export async function writeAudit(tx: DbOrTx, e: AuditEntry): Promise<void> {
  assertSafeDetail(e.detail)
  if (is(tx, PgTransaction)) await appendLink(tx as Tx, e)
  else await tx.transaction(t => appendLink(t, e))
}

async function appendLink(t: Tx, e: AuditEntry): Promise<void> {
  const actor = e.actor
  // The head's lock first (the materialised CTE), then the id: ids follow the chain's order.
  // now() is the transaction's start: the audit row carries the same instant as the change it
  // records (to the millisecond, as JavaScript and the hash see it; timestamptz keeps it exactly).
  const res = await t.execute(sql`
    with head as materialized (select last_hash from audit_chain_head where id = 1 for update)
    select head.last_hash, nextval(pg_get_serial_sequence('audit_log', 'id')) as id, date_trunc('milliseconds', now()) as at from head`)
  const row = (res as unknown as { rows: Array<{ last_hash: string, id: string | number, at: string | Date }> }).rows[0]
  if (!row) throw new Error('audit_chain_head is missing (migration 0013)')
  const fields: ChainFields = {
    id: Number(row.id),
    at: new Date(row.at),
    actorId: actor && typeof actor === 'object' ? actor.id : null,
    actorRole: actor && typeof actor === 'object' ? actor.role : actor,
    action: e.action,
    objectType: e.objectType ?? null,
    objectId: e.objectId ?? null,
    purpose: e.purpose ?? null,
    ipHash: e.ipHash ?? null,
    outcome: e.outcome ?? 'ok',
    detail: e.detail ?? null,
  }
  const hash = linkHash(row.last_hash, fields)
  // The row and the new head in one statement.
  const link = t.$with('link', {}).as(t.insert(auditLog).values({ ...fields, prevHash: row.last_hash, hash }).getSQL())
  await t.with(link).update(auditChainHead).set({ lastId: fields.id, lastHash: hash }).where(eq(auditChainHead.id, 1))
}

/** Rows in id order from `afterId`, for the chain verification. */
export async function auditChainBatch(db: DbOrTx, afterId: number, limit: number): Promise<AuditRow[]> {
  return db.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(limit)
}

export async function auditChainHeadRow(db: DbOrTx): Promise<{ lastId: number | null, lastHash: string } | null> {
  const [h] = await db.select().from(auditChainHead).where(eq(auditChainHead.id, 1))
  return h ? { lastId: h.lastId, lastHash: h.lastHash } : null
}

export interface AuditFilter { action?: string, actorId?: string }

/** Newest first, paged. */
export async function listAudit(db: DbOrTx, f: AuditFilter, limit: number, offset: number): Promise<{ rows: AuditRow[], total: number }> {
  const where = and(
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.actorId ? eq(auditLog.actorId, f.actorId) : undefined,
  )
  const rows = await db.select().from(auditLog).where(where).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(limit).offset(offset)
  const [t] = await db.select({ n: count() }).from(auditLog).where(where)
  return { rows, total: Number(t?.n ?? 0) }
}

/** Display name and username of the staff behind audit rows (for the readable audit page). */
export async function actorNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, { displayName: string, username: string }>> {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map()
  const rows = await db.select({ id: staffUsers.id, displayName: staffUsers.displayName, username: staffUsers.username })
    .from(staffUsers).where(inArray(staffUsers.id, unique))
  return new Map(rows.map(r => [r.id, { displayName: r.displayName, username: r.username }]))
}
