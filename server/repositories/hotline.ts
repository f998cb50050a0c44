// Hotline queries only: calls, their links, and the hotline's view of callbacks (appointments of
// channel hotline_callback: the one booking model). No policy here (see domain/hotline).
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, ne, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import {
  appointments, appointmentSlots, callbackAssignments, callbackAttempts, hotlineCallLinks, hotlineCalls, hotlineCallScreenings, hotlineOutcomeCodes, legalAidApplications, servicePoints, staffUsers,
  type AppointmentRow, type CallbackAttemptRow, type HotlineCallLinkRow, type HotlineCallRow, type HotlineCallScreeningRow, type HotlineOutcomeCodeRow, type NewHotlineCallRow,
} from '../db/schema'
import type { CallLinkKind } from '../../shared/schemas/hotline'
import { rowsOf } from './search-outbox'

export async function insertCall(tx: DbOrTx, row: NewHotlineCallRow): Promise<HotlineCallRow> {
  const [r] = await tx.insert(hotlineCalls).values(row).returning()
  return r!
}

const callColumns = {
  call: hotlineCalls,
  operatorName: staffUsers.displayName,
  outcomeLabel: hotlineOutcomeCodes.label,
  callback: appointments,
  windowStartsAt: appointmentSlots.startsAt,
  windowEndsAt: appointmentSlots.endsAt,
}

/** The call's callback: its appointment of channel hotline_callback that is not cancelled (one at most). */
const callbackOfCall = and(eq(appointments.callId, hotlineCalls.id), eq(appointments.channel, 'hotline_callback'), ne(appointments.status, 'cancelled'))

export interface CallListRow {
  call: HotlineCallRow
  operatorName: string
  outcomeLabel: string
  callback: AppointmentRow | null
  windowStartsAt: Date | null
  windowEndsAt: Date | null
}

function callsQuery(db: DbOrTx) {
  return db.select(callColumns).from(hotlineCalls)
    .innerJoin(staffUsers, eq(staffUsers.id, hotlineCalls.operatorId))
    .innerJoin(hotlineOutcomeCodes, eq(hotlineOutcomeCodes.code, hotlineCalls.outcome))
    .leftJoin(appointments, callbackOfCall)
    .leftJoin(appointmentSlots, eq(appointmentSlots.id, appointments.slotId))
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
  callback: AppointmentRow, startsAt: Date, endsAt: Date, callReference: string | null, topic: string
  safeToCallBack: boolean | null, discreet: boolean | null, interpreter: string | null, urgent: boolean | null, operatorId: string | null
}

const queueColumns = {
  callback: appointments, startsAt: appointmentSlots.startsAt, endsAt: appointmentSlots.endsAt, callReference: hotlineCalls.reference, topic: appointments.topic,
  safeToCallBack: hotlineCalls.safeToCallBack, discreet: hotlineCalls.discreet, interpreter: hotlineCalls.interpreter, urgent: hotlineCalls.urgent, operatorId: hotlineCalls.operatorId,
}

/**
 * Callbacks (appointments of channel hotline_callback, booked by an operator during a call or by the
 * resident on the site) whose window starts in [from, to), in window and place order; cancelled and
 * held (a waitlist offer not yet accepted) ones are not in the queue. The call's flags when there is one.
 */
export async function listCallbacksBetween(db: DbOrTx, from: Date, to: Date): Promise<QueueRow[]> {
  return db.select(queueColumns)
    .from(appointments)
    .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointments.slotId))
    .leftJoin(hotlineCalls, eq(hotlineCalls.id, appointments.callId))
    .where(and(eq(appointments.channel, 'hotline_callback'), gte(appointmentSlots.startsAt, from), lt(appointmentSlots.startsAt, to),
      inArray(appointments.status, ['booked', 'checked_in', 'completed', 'no_show'])))
    .orderBy(asc(appointmentSlots.startsAt), asc(appointments.slotNo))
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

/** What a reference typed into a call's 关联 names: the kinds of record that carry it (none when unknown). */
export async function referenceKinds(db: DbOrTx, reference: string): Promise<CallLinkKind[]> {
  const res = await db.execute(sql`
    select 'screening' as kind from ${hotlineCallScreenings} where ${hotlineCallScreenings.reference} = ${reference}
    union all select 'application' from ${legalAidApplications} where ${legalAidApplications.reference} = ${reference}
    union all select 'booking' from ${appointments} where ${appointments.reference} = ${reference}`)
  return rowsOf<{ kind: CallLinkKind }>(res).map(r => r.kind)
}

export function listCallLinks(db: DbOrTx, callId: string): Promise<HotlineCallLinkRow[]> {
  return db.select().from(hotlineCallLinks).where(eq(hotlineCallLinks.callId, callId)).orderBy(asc(hotlineCallLinks.createdAt))
}

// ---- screenings run during the call ----

export async function insertCallScreening(tx: DbOrTx, row: typeof hotlineCallScreenings.$inferInsert): Promise<HotlineCallScreeningRow> {
  const [r] = await tx.insert(hotlineCallScreenings).values(row).returning()
  return r!
}

/** The call's screening by reference, or its latest when no reference is given. */
export async function findCallScreening(db: DbOrTx, callId: string, reference?: string): Promise<HotlineCallScreeningRow | undefined> {
  const where = reference ? and(eq(hotlineCallScreenings.callId, callId), eq(hotlineCallScreenings.reference, reference)) : eq(hotlineCallScreenings.callId, callId)
  const [r] = await db.select().from(hotlineCallScreenings).where(where).orderBy(desc(hotlineCallScreenings.createdAt), desc(hotlineCallScreenings.id)).limit(1)
  return r
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
    elderlyOrDisabled: hotlineCalls.elderlyOrDisabled, toldOfLegalAidRight: hotlineCalls.toldOfLegalAidRight, callbackStatus: appointments.status,
  }).from(hotlineCalls)
    .innerJoin(staffUsers, eq(staffUsers.id, hotlineCalls.operatorId))
    .innerJoin(hotlineOutcomeCodes, eq(hotlineOutcomeCodes.code, hotlineCalls.outcome))
    .leftJoin(appointments, callbackOfCall)
    .where(and(gte(hotlineCalls.startedAt, from), lt(hotlineCalls.startedAt, to)))
    .orderBy(asc(hotlineCalls.startedAt), asc(hotlineCalls.id))
}

// ---- callback attempts and assignments ----

/** The callback (an appointment of channel hotline_callback) with its window and call flags, row-locked until the transaction ends. */
export async function lockCallbackForAttempt(tx: DbOrTx, id: string): Promise<QueueRow | undefined> {
  const [r] = await tx.select(queueColumns).from(appointments)
    .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointments.slotId))
    .leftJoin(hotlineCalls, eq(hotlineCalls.id, appointments.callId))
    .where(and(eq(appointments.id, id), eq(appointments.channel, 'hotline_callback'))).for('update', { of: appointments })
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

export async function activeCallbackOfCall(db: DbOrTx, callId: string): Promise<AppointmentRow | undefined> {
  const [r] = await db.select().from(appointments)
    .where(and(eq(appointments.callId, callId), eq(appointments.channel, 'hotline_callback'), ne(appointments.status, 'cancelled')))
  return r
}
