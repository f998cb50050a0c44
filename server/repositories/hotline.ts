// Hotline queries only: calls, callback windows, callbacks. No policy here (see domain/hotline).
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, ne, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import {
  appointments, appointmentSlots, callbackAssignments, callbackAttempts, callbacks, callbackWindows, hotlineCallLinks, hotlineCalls, hotlineOutcomeCodes, legalAidApplications, servicePoints, staffUsers,
  type CallbackAttemptRow, type CallbackRow, type CallbackWindowRow, type HotlineCallLinkRow, type HotlineCallRow, type HotlineOutcomeCodeRow, type NewHotlineCallRow,
} from '../db/schema'
import { rowsOf } from './search-outbox'

export async function insertCall(tx: DbOrTx, row: NewHotlineCallRow): Promise<HotlineCallRow> {
  const [r] = await tx.insert(hotlineCalls).values(row).returning()
  return r!
}

/** Locks the window row until the transaction ends: bookings of one window queue up behind it. */
export async function lockWindow(tx: DbOrTx, id: string): Promise<CallbackWindowRow | undefined> {
  const [w] = await tx.select().from(callbackWindows).where(eq(callbackWindows.id, id)).for('update')
  return w
}

export interface NewCallback { id: string, callId: string, windowId: string, phoneEnc: string, phoneHash: string, phoneMasked: string }

/**
 * Takes the lowest free place (1..capacity) of a window in one INSERT ... SELECT. Returns the place
 * number, or undefined when every place is taken. Call it after lockWindow in the same transaction.
 */
export async function bookLowestFreeSlot(tx: DbOrTx, c: NewCallback): Promise<number | undefined> {
  const res = await tx.execute(sql`
    insert into callbacks (id, call_id, window_id, phone_enc, phone_hash, phone_masked, status, slot_no)
    select ${c.id}, ${c.callId}, w.id, ${c.phoneEnc}, ${c.phoneHash}, ${c.phoneMasked}, 'booked', s.n
    from callback_windows w cross join lateral generate_series(1, w.capacity) as s(n)
    where w.id = ${c.windowId}
      and not exists (select 1 from callbacks b where b.window_id = w.id and b.slot_no = s.n and b.status <> 'cancelled')
    order by s.n
    limit 1
    returning slot_no`)
  const [row] = rowsOf<{ slot_no: number }>(res)
  return row ? Number(row.slot_no) : undefined
}

export interface WindowWithBooked { window: CallbackWindowRow, booked: number }

export async function listWindowsBetween(db: DbOrTx, from: Date, to: Date): Promise<WindowWithBooked[]> {
  const rows = await db.select({ window: callbackWindows, booked: sql<number>`count(${callbacks.id})::int` })
    .from(callbackWindows)
    .leftJoin(callbacks, and(eq(callbacks.windowId, callbackWindows.id), ne(callbacks.status, 'cancelled')))
    .where(and(gt(callbackWindows.startsAt, from), lt(callbackWindows.startsAt, to)))
    .groupBy(callbackWindows.id)
    .orderBy(asc(callbackWindows.startsAt))
  return rows.map(r => ({ window: r.window, booked: Number(r.booked) }))
}

export async function insertWindowsIfAbsent(db: DbOrTx, rows: Array<typeof callbackWindows.$inferInsert>): Promise<number> {
  if (!rows.length) return 0
  const r = await db.insert(callbackWindows).values(rows).onConflictDoNothing({ target: callbackWindows.startsAt }).returning({ id: callbackWindows.id })
  return r.length
}

const callColumns = {
  call: hotlineCalls,
  operatorName: staffUsers.displayName,
  outcomeLabel: hotlineOutcomeCodes.label,
  callback: callbacks,
  windowStartsAt: callbackWindows.startsAt,
  windowEndsAt: callbackWindows.endsAt,
}

export interface CallListRow {
  call: HotlineCallRow
  operatorName: string
  outcomeLabel: string
  callback: CallbackRow | null
  windowStartsAt: Date | null
  windowEndsAt: Date | null
}

function callsQuery(db: DbOrTx) {
  return db.select(callColumns).from(hotlineCalls)
    .innerJoin(staffUsers, eq(staffUsers.id, hotlineCalls.operatorId))
    .innerJoin(hotlineOutcomeCodes, eq(hotlineOutcomeCodes.code, hotlineCalls.outcome))
    .leftJoin(callbacks, eq(callbacks.callId, hotlineCalls.id))
    .leftJoin(callbackWindows, eq(callbackWindows.id, callbacks.windowId))
}

/** Newest first: the whole team's calls (the console marks the operator's own). */
export async function listCalls(db: DbOrTx, limit: number, offset: number): Promise<{ rows: CallListRow[], total: number }> {
  const rows = await callsQuery(db).orderBy(desc(hotlineCalls.startedAt), desc(hotlineCalls.id)).limit(limit).offset(offset)
  const [t] = await db.select({ n: count() }).from(hotlineCalls)
  return { rows, total: Number(t?.n ?? 0) }
}

export async function findCall(db: DbOrTx, id: string): Promise<(CallListRow & { servicePointName: string | null }) | undefined> {
  const [r] = await callsQuery(db).where(eq(hotlineCalls.id, id)).limit(1)
  if (!r) return undefined
  let servicePointName: string | null = null
  if (r.call.referredServicePointId) {
    const [p] = await db.select({ name: servicePoints.name }).from(servicePoints).where(eq(servicePoints.id, r.call.referredServicePointId))
    servicePointName = p?.name ?? null
  }
  return { ...r, servicePointName }
}

export async function servicePointExists(db: DbOrTx, id: string): Promise<boolean> {
  const [p] = await db.select({ id: servicePoints.id }).from(servicePoints).where(eq(servicePoints.id, id))
  return Boolean(p)
}

export interface QueueRow {
  callback: CallbackRow, window: CallbackWindowRow, reference: string, topic: string
  safeToCallBack: boolean, discreet: boolean, interpreter: string, urgent: boolean, operatorId: string
}

/** Callbacks whose window starts in [from, to), in window and place order. */
export async function listCallbacksBetween(db: DbOrTx, from: Date, to: Date): Promise<QueueRow[]> {
  return db.select({
    callback: callbacks, window: callbackWindows, reference: hotlineCalls.reference, topic: hotlineCalls.topic,
    safeToCallBack: hotlineCalls.safeToCallBack, discreet: hotlineCalls.discreet, interpreter: hotlineCalls.interpreter, urgent: hotlineCalls.urgent, operatorId: hotlineCalls.operatorId,
  })
    .from(callbacks)
    .innerJoin(callbackWindows, eq(callbackWindows.id, callbacks.windowId))
    .innerJoin(hotlineCalls, eq(hotlineCalls.id, callbacks.callId))
    .where(and(gte(callbackWindows.startsAt, from), lt(callbackWindows.startsAt, to), ne(callbacks.status, 'cancelled')))
    .orderBy(asc(callbackWindows.startsAt), asc(callbacks.slotNo))
}

export async function findCallback(db: DbOrTx, id: string): Promise<CallbackRow | undefined> {
  const [r] = await db.select().from(callbacks).where(eq(callbacks.id, id))
  return r
}

/** booked → done|missed; undefined when it was no longer booked (someone else closed it). */
export async function closeCallback(tx: DbOrTx, id: string, status: 'done' | 'missed', by: string, at: Date): Promise<CallbackRow | undefined> {
  const [r] = await tx.update(callbacks).set({ status, completedAt: at, completedBy: by, updatedAt: at })
    .where(and(eq(callbacks.id, id), eq(callbacks.status, 'booked'))).returning()
  return r
}

// ---- outcome codes (data, edited by admins) ----

export function listOutcomeCodes(db: DbOrTx): Promise<HotlineOutcomeCodeRow[]> {
  return db.select().from(hotlineOutcomeCodes).orderBy(asc(hotlineOutcomeCodes.position), asc(hotlineOutcomeCodes.code))
}

export async function findOutcomeCode(db: DbOrTx, code: string): Promise<HotlineOutcomeCodeRow | undefined> {
  const [r] = await db.select().from(hotlineOutcomeCodes).where(eq(hotlineOutcomeCodes.code, code))
  return r
}

export async function upsertOutcomeCode(tx: DbOrTx, row: Omit<typeof hotlineOutcomeCodes.$inferInsert, 'system'>, at: Date): Promise<HotlineOutcomeCodeRow> {
  const [r] = await tx.insert(hotlineOutcomeCodes).values({ ...row, system: false, createdAt: at, updatedAt: at })
    .onConflictDoUpdate({
      target: hotlineOutcomeCodes.code,
      set: { label: row.label, needsFollowUp: row.needsFollowUp, closesCall: row.closesCall, active: row.active, position: row.position, updatedAt: at },
    }).returning()
  return r!
}

// ---- edits with a version ----

export type CallPatch = Partial<Pick<HotlineCallRow, 'topic' | 'summary' | 'callerGroups' | 'outcome' | 'referredServicePointId' | 'urgent' | 'safeToCallBack' | 'discreet' | 'interpreter' | 'elderlyOrDisabled' | 'toldOfLegalAidRight' | 'updatedBy'>>

/** Applies the patch only when the row is still at `version`; bumps it. undefined: stale or gone. */
export async function updateCallVersioned(tx: DbOrTx, id: string, version: number, patch: CallPatch, at: Date): Promise<HotlineCallRow | undefined> {
  const [r] = await tx.update(hotlineCalls).set({ ...patch, version: sql`${hotlineCalls.version} + 1`, updatedAt: at })
    .where(and(eq(hotlineCalls.id, id), eq(hotlineCalls.version, version))).returning()
  return r
}

export async function insertCallLink(tx: DbOrTx, row: typeof hotlineCallLinks.$inferInsert): Promise<boolean> {
  const r = await tx.insert(hotlineCallLinks).values(row).onConflictDoNothing().returning({ id: hotlineCallLinks.id })
  return r.length > 0
}

export function listCallLinks(db: DbOrTx, callId: string): Promise<HotlineCallLinkRow[]> {
  return db.select().from(hotlineCallLinks).where(eq(hotlineCallLinks.callId, callId)).orderBy(asc(hotlineCallLinks.createdAt))
}

// ---- caller history (by the keyed phone hash; masked columns only) ----

export async function callsByPhoneHash(db: DbOrTx, phoneHash: string, limit = 50): Promise<CallListRow[]> {
  return callsQuery(db).where(eq(hotlineCalls.callerPhoneHash, phoneHash)).orderBy(desc(hotlineCalls.startedAt)).limit(limit)
}

export function appointmentsByPhoneHash(db: DbOrTx, phoneHash: string, limit = 50) {
  return db.select({
    reference: appointments.reference, channel: appointmentSlots.channel, startsAt: appointmentSlots.startsAt,
    status: appointments.status, topic: appointments.topic, name: appointments.name, phoneMasked: appointments.phoneMasked,
  }).from(appointments)
    .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointments.slotId))
    .where(eq(appointments.phoneHash, phoneHash))
    .orderBy(desc(appointmentSlots.startsAt)).limit(limit)
}

export function applicationsByPhoneHash(db: DbOrTx, phoneHash: string, limit = 50) {
  return db.select({
    reference: legalAidApplications.reference, status: legalAidApplications.status, receivedDate: legalAidApplications.receivedDate,
    nameMasked: legalAidApplications.nameMasked, matter: legalAidApplications.matter,
    decidedBy: legalAidApplications.decidedBy, assignedBy: legalAidApplications.assignedBy, materialsRequestedBy: legalAidApplications.materialsRequestedBy,
  }).from(legalAidApplications)
    .where(eq(legalAidApplications.phoneHash, phoneHash))
    .orderBy(desc(legalAidApplications.receivedAt)).limit(limit)
}

// ---- export ----

export interface ExportRow {
  reference: string
  startedAt: Date
  topic: string
  outcomeLabel: string
  callerGroups: string[]
  callerPhoneMasked: string | null
  operatorName: string
  urgent: boolean
  safeToCallBack: boolean
  discreet: boolean
  interpreter: string
  elderlyOrDisabled: boolean
  toldOfLegalAidRight: boolean
  callbackStatus: string | null
}

/** Calls started in [from, to), oldest first, masked columns only (no summary). */
export async function callsForExport(db: DbOrTx, from: Date, to: Date): Promise<ExportRow[]> {
  return db.select({
    reference: hotlineCalls.reference, startedAt: hotlineCalls.startedAt, topic: hotlineCalls.topic, outcomeLabel: hotlineOutcomeCodes.label,
    callerGroups: hotlineCalls.callerGroups, callerPhoneMasked: hotlineCalls.callerPhoneMasked, operatorName: staffUsers.displayName,
    urgent: hotlineCalls.urgent, safeToCallBack: hotlineCalls.safeToCallBack, discreet: hotlineCalls.discreet, interpreter: hotlineCalls.interpreter,
    elderlyOrDisabled: hotlineCalls.elderlyOrDisabled, toldOfLegalAidRight: hotlineCalls.toldOfLegalAidRight, callbackStatus: callbacks.status,
  }).from(hotlineCalls)
    .innerJoin(staffUsers, eq(staffUsers.id, hotlineCalls.operatorId))
    .innerJoin(hotlineOutcomeCodes, eq(hotlineOutcomeCodes.code, hotlineCalls.outcome))
    .leftJoin(callbacks, eq(callbacks.callId, hotlineCalls.id))
    .where(and(gte(hotlineCalls.startedAt, from), lt(hotlineCalls.startedAt, to)))
    .orderBy(asc(hotlineCalls.startedAt), asc(hotlineCalls.id))
}

// ---- callback attempts and assignments ----

/** The callback with its window and call flags, row-locked until the transaction ends. */
export async function lockCallbackForAttempt(tx: DbOrTx, id: string) {
  const [r] = await tx.select({
    callback: callbacks, startsAt: callbackWindows.startsAt, endsAt: callbackWindows.endsAt,
    safeToCallBack: hotlineCalls.safeToCallBack, topic: hotlineCalls.topic, operatorId: hotlineCalls.operatorId,
  }).from(callbacks)
    .innerJoin(callbackWindows, eq(callbackWindows.id, callbacks.windowId))
    .innerJoin(hotlineCalls, eq(hotlineCalls.id, callbacks.callId))
    .where(eq(callbacks.id, id)).for('update', { of: callbacks })
  return r
}

export async function countAttempts(db: DbOrTx, callbackId: string): Promise<number> {
  const [r] = await db.select({ n: count() }).from(callbackAttempts).where(eq(callbackAttempts.callbackId, callbackId))
  return Number(r?.n ?? 0)
}

export async function insertAttempt(tx: DbOrTx, row: typeof callbackAttempts.$inferInsert): Promise<CallbackAttemptRow> {
  const [r] = await tx.insert(callbackAttempts).values(row).returning()
  return r!
}

export async function attemptsOf(db: DbOrTx, callbackIds: readonly string[]): Promise<CallbackAttemptRow[]> {
  if (!callbackIds.length) return []
  return db.select().from(callbackAttempts).where(inArray(callbackAttempts.callbackId, [...callbackIds])).orderBy(asc(callbackAttempts.attemptNo))
}

export async function upsertAssignment(tx: DbOrTx, row: typeof callbackAssignments.$inferInsert): Promise<void> {
  await tx.insert(callbackAssignments).values(row).onConflictDoUpdate({
    target: callbackAssignments.callbackId, set: { operatorId: row.operatorId, assignedBy: row.assignedBy, assignedAt: row.assignedAt },
  })
}

export async function assignmentsOf(db: DbOrTx, callbackIds: readonly string[]) {
  if (!callbackIds.length) return []
  return db.select({ callbackId: callbackAssignments.callbackId, operatorId: callbackAssignments.operatorId, operatorName: staffUsers.displayName })
    .from(callbackAssignments).innerJoin(staffUsers, eq(staffUsers.id, callbackAssignments.operatorId))
    .where(inArray(callbackAssignments.callbackId, [...callbackIds]))
}

/** Operators a callback can be handed to: active accounts with the operator role. */
export function activeOperators(db: DbOrTx) {
  return db.select({ id: staffUsers.id, displayName: staffUsers.displayName, username: staffUsers.username })
    .from(staffUsers).where(and(eq(staffUsers.role, 'operator'), isNull(staffUsers.disabledAt))).orderBy(asc(staffUsers.username))
}

export async function activeCallbackOfCall(db: DbOrTx, callId: string): Promise<CallbackRow | undefined> {
  const [r] = await db.select().from(callbacks).where(and(eq(callbacks.callId, callId), ne(callbacks.status, 'cancelled')))
  return r
}
