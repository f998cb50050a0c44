// The audit trail: insert-only (the database refuses UPDATE/DELETE/TRUNCATE). Call writeAudit with
// the transaction that makes the change (or the read) it records, so both commit or neither does.
import { and, asc, count, desc, eq, gt, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import { auditChainHead, auditLog, staffUsers, type AuditRow } from '../db/schema'
import { canonicalJson } from '../domain/audit/chain'
import { rowsOf } from './search-outbox'
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

/** What an audit row's link is made of, as far as JavaScript knows it (PostgreSQL adds the id and the instant). */
export interface AuditLinkParts {
  /** actor id, actor role, action, object type, object id, purpose, ip hash, outcome: as the row stores them. */
  fields: [string | null, string | null, string, string | null, string | null, string | null, string | null, string]
  /** linkHash hashes `[id,"at",…fields]`: PostgreSQL writes `[id,"at",` and this the rest. */
  knownJson: string
  /** The canonical detail text (linkHash's last part); with `dbKey`, the text before the database's integer … */
  detailPrefix: string
  /** … and after it (null without `dbKey`). */
  detailSuffix: string | null
  /** The detail as stored (jsonb text), without the database's value; null for none. */
  detailJson: string | null
}

const DB_VALUE_MARK = '\u0000db\u0000'

/**
 * The link's parts for `e`. `dbKey` names a detail key whose integer PostgreSQL supplies in the
 * statement that writes the row (the place number a booking just took, server/db/migrations/0019).
 */
export function auditLinkParts(e: AuditEntry, dbKey?: string): AuditLinkParts {
  assertSafeDetail(e.detail)
  if (dbKey) assertSafeDetail({ [dbKey]: 1 })
  const actor = e.actor
  const fields: AuditLinkParts['fields'] = [
    actor && typeof actor === 'object' ? actor.id : null,
    actor && typeof actor === 'object' ? actor.role : actor,
    e.action, e.objectType ?? null, e.objectId ?? null, e.purpose ?? null, e.ipHash ?? null, e.outcome ?? 'ok',
  ]
  const detail = e.detail ?? null
  if (!dbKey) return { fields, knownJson: JSON.stringify(fields).slice(1), detailPrefix: canonicalJson(detail), detailSuffix: null, detailJson: detail === null ? null : JSON.stringify(detail) }
  const parts = canonicalJson({ ...detail, [dbKey]: DB_VALUE_MARK }).split(JSON.stringify(DB_VALUE_MARK))
  if (parts.length !== 2) throw new Error('audit detail: the database value must appear once')
  return { fields, knownJson: JSON.stringify(fields).slice(1), detailPrefix: parts[0]!, detailSuffix: parts[1]!, detailJson: JSON.stringify(detail ?? {}) }
}

/**
 * Appends one row to the hash chain in ONE statement: it locks the chain head (FOR UPDATE), takes
 * the next id and the transaction's now(), computes the link's SHA-256 in PostgreSQL over exactly
 * the bytes `linkHash` (domain/audit/chain.ts) hashes — the text of every field JavaScript knows is
 * passed in, PostgreSQL adds only the id and the instant — inserts the row and moves the
 * head. Inside the caller's transaction the head stays locked until commit, so concurrent writers
 * join the chain one at a time and the row, its link and the head commit or roll back with the
 * change they record; one statement keeps the head's hold to the end of the transaction (no round
 * trip between locking the head and writing the link). Given a plain connection, the statement
 * commits on its own. (A booking writes its audit row inside book_appointment, migration 0019,
 * from the same auditLinkParts, with the place number the database chose as `dbKey`.)
 */
export async function writeAudit(tx: DbOrTx, e: AuditEntry): Promise<void> {
  const { fields, knownJson, detailPrefix, detailJson } = auditLinkParts(e)
  const detailText = sql`${detailPrefix}::text`
  const detailJsonb = detailJson === null ? sql`null::jsonb` : sql`${detailJson}::jsonb`
  const [actorId, actorRole, action, objectType, objectId, purpose, ipHash, outcome] = fields
  // The head's lock first (the materialised CTE), then the id: ids follow the chain's order. now()
  // is the transaction's start: the row carries the same instant as the change it records (to the
  // millisecond, as JavaScript and the hash see it).
  const res = await tx.execute(sql`
    with head as materialized (select last_hash from audit_chain_head where id = 1 for update),
    v as (select nextval(pg_get_serial_sequence('audit_log', 'id')) as id, date_trunc('milliseconds', now()) as at, head.last_hash as prev,
      ${detailText} as detail_text, ${detailJsonb} as detail from head),
    h as (select v.*, encode(sha256(convert_to(v.prev || E'\n[' || v.id::text || ',"'
      || to_char(v.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '",' || ${knownJson}::text || E'\n' || v.detail_text, 'UTF8')), 'hex') as hash from v),
    link as (insert into audit_log (id, at, actor_id, actor_role, action, object_type, object_id, purpose, ip_hash, outcome, detail, prev_hash, hash)
      select h.id, h.at, ${actorId}::uuid, ${actorRole}::text, ${action}::text, ${objectType}::text, ${objectId}::text, ${purpose}::text, ${ipHash}::text, ${outcome}::text, h.detail, h.prev, h.hash from h
      returning id, hash)
    update audit_chain_head set last_id = link.id, last_hash = link.hash from link where audit_chain_head.id = 1
    returning audit_chain_head.last_id`)
  if (rowsOf(res).length !== 1) throw new Error('audit_chain_head is missing (migration 0013)')
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
