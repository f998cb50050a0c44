/**
 * Admins edit the schedules in the staff console: weekly rules, closures, extra sessions. Each edit
 * is audited and brings the affected slots in line (reconcileSlots) in the same transaction.
 */
import type { AppointmentChannel } from '../../db/schema'
import { writeAudit } from '../../repositories/audit'
import * as repo from '../../repositories/appointments'
import { scheduledPairs } from '../../repositories/appointments'
import type { DbOrTx } from '../../db/client'
import { shanghaiDay } from '../../../shared/time/calendar'
import { type AppointmentDeps, inTransaction } from './booking'
import type { ActorRef } from '../platform/actor'
import { bookingErrors as E } from './errors'
import { extraConflict, rulesConflict, uncoveredYears } from './schedule'
import { reconcileSlots } from './slots'
import { APPOINTMENT_CHANNEL_CODES, type ClosureBody, type ExtraSessionBody, type ScheduleRuleBody } from '../../../shared/schemas/appointments'
import type { SchedulesDto } from '../../../shared/types/appointments'

const who = (a: ActorRef) => ({ id: a.id, role: a.role })

export async function listSchedules(deps: AppointmentDeps, servicePointId?: string | null): Promise<SchedulesDto> {
  const { rules, closures, extras } = await repo.listScheduleRows(deps.db, servicePointId)
  return {
    rules: rules.map(r => ({ id: r.id, servicePointId: r.servicePointId, channel: r.channel, weekdays: r.weekdays, startTime: r.startTime, endTime: r.endTime, slotMinutes: r.slotMinutes, capacity: r.capacity, validFrom: r.validFrom, validTo: r.validTo, isDemo: r.isDemo })),
    closures: closures.map(c => ({ id: c.id, servicePointId: c.servicePointId, channel: c.channel, day: c.day, reason: c.reason })),
    extras: extras.map(e => ({ id: e.id, servicePointId: e.servicePointId, channel: e.channel, day: e.day, startTime: e.startTime, endTime: e.endTime, slotMinutes: e.slotMinutes, capacity: e.capacity, note: e.note })),
    uncoveredYears: uncoveredYears(shanghaiDay(deps.now())),
  }
}

async function assertPoint(tx: DbOrTx, id: string | null): Promise<void> {
  if (id && !(await repo.findServicePoint(tx, id))) throw E.SERVICE_POINT_NOT_FOUND()
}

const WEEKDAY = ['', '一', '二', '三', '四', '五', '六', '日']
const describeRule = (r: { weekdays: number[], startTime: string, endTime: string }) =>
  `周${r.weekdays.map(d => WEEKDAY[d]).join('、')} ${r.startTime}–${r.endTime}`

/** Edits of one (point, channel) queue here, so two admins cannot both add overlapping hours. */
async function lockScope(tx: DbOrTx, servicePointId: string | null, channel: AppointmentChannel | 'all'): Promise<void> {
  await repo.advisoryLocks(tx, [`schedule:${servicePointId ?? 'city'}:${channel}`])
}

/** Closures without a point or channel touch every scheduled pair they cover. */
async function reconcileCovered(tx: DbOrTx, now: Date, servicePointId: string | null, channel: AppointmentChannel | null): Promise<void> {
  const pairs = (await scheduledPairs(tx)).filter(p =>
    (servicePointId === null || p.servicePointId === servicePointId) && (channel === null || p.channel === channel))
  for (const p of pairs) await reconcileSlots({ tx, now: () => now }, p)
}

export async function saveScheduleRule(deps: AppointmentDeps, input: ScheduleRuleBody & { id?: string }, actor: ActorRef): Promise<string> {
  const { id, ...body } = input
  const now = deps.now()
  return inTransaction(deps.db, async (tx) => {
    await assertPoint(tx, body.servicePointId)
    await lockScope(tx, body.servicePointId, body.channel)
    const before = id ? (await repo.listScheduleRows(tx)).rules.find(r => r.id === id) : undefined
    if (id && !before) throw E.SCHEDULE_NOT_FOUND()
    const { rules } = await repo.listScheduleRows(tx, body.servicePointId)
    const clash = rules.find(r => r.id !== id && r.channel === body.channel && rulesConflict(r, body))
    if (clash) throw E.SCHEDULE_CONFLICT(describeRule(clash))
    const row = id ? (await repo.updateScheduleRule(tx, id, { ...body, isDemo: false }))! : await repo.insertScheduleRule(tx, body)
    await reconcileSlots({ tx, now: () => now }, { channel: row.channel, servicePointId: row.servicePointId })
    if (before && (before.channel !== row.channel || before.servicePointId !== row.servicePointId)) {
      await reconcileSlots({ tx, now: () => now }, { channel: before.channel, servicePointId: before.servicePointId })
    }
    await writeAudit(tx, { actor: who(actor), action: id ? 'schedule.update' : 'schedule.create', objectType: 'booking_schedule', objectId: row.id, detail: { channel: row.channel, weekdays: row.weekdays, startTime: row.startTime, endTime: row.endTime, capacity: row.capacity } })
    return row.id
  })
}

export async function deleteScheduleRule(deps: AppointmentDeps, input: { id: string }, actor: ActorRef): Promise<void> {
  const { id } = input
  const now = deps.now()
  await inTransaction(deps.db, async (tx) => {
    const row = await repo.deleteScheduleRule(tx, id)
    if (!row) throw E.SCHEDULE_NOT_FOUND()
    await reconcileSlots({ tx, now: () => now }, { channel: row.channel, servicePointId: row.servicePointId })
    await writeAudit(tx, { actor: who(actor), action: 'schedule.delete', objectType: 'booking_schedule', objectId: id, detail: { channel: row.channel } })
  })
}

export async function addClosure(deps: AppointmentDeps, body: ClosureBody, actor: ActorRef): Promise<string> {
  const now = deps.now()
  return inTransaction(deps.db, async (tx) => {
    await assertPoint(tx, body.servicePointId)
    await lockScope(tx, body.servicePointId, body.channel ?? 'all')
    const { closures } = await repo.listScheduleRows(tx, body.servicePointId)
    if (closures.some(c => c.day === body.day && c.channel === body.channel)) throw E.CLOSURE_EXISTS()
    const row = await repo.insertClosure(tx, body)
    await reconcileCovered(tx, now, body.servicePointId, body.channel)
    await writeAudit(tx, { actor: who(actor), action: 'schedule.closure_add', objectType: 'booking_closure', objectId: row.id, detail: { day: body.day, channel: body.channel } })
    return row.id
  })
}

export async function removeClosure(deps: AppointmentDeps, input: { id: string }, actor: ActorRef): Promise<void> {
  const { id } = input
  const now = deps.now()
  await inTransaction(deps.db, async (tx) => {
    const row = await repo.deleteClosure(tx, id)
    if (!row) throw E.SCHEDULE_NOT_FOUND()
    await reconcileCovered(tx, now, row.servicePointId, row.channel)
    await writeAudit(tx, { actor: who(actor), action: 'schedule.closure_remove', objectType: 'booking_closure', objectId: id, detail: { day: row.day } })
  })
}

export async function addExtraSession(deps: AppointmentDeps, body: ExtraSessionBody, actor: ActorRef): Promise<string> {
  const now = deps.now()
  return inTransaction(deps.db, async (tx) => {
    await assertPoint(tx, body.servicePointId)
    await lockScope(tx, body.servicePointId, body.channel)
    const { rules, extras } = await repo.listScheduleRows(tx, body.servicePointId)
    const clash = extraConflict(body, rules.filter(r => r.channel === body.channel), extras.filter(x => x.channel === body.channel))
    if (clash) throw E.EXTRA_SESSION_CONFLICT(clash)
    const row = await repo.insertExtraSession(tx, { ...body, note: body.note ?? null })
    await reconcileSlots({ tx, now: () => now }, { channel: row.channel, servicePointId: row.servicePointId })
    await writeAudit(tx, { actor: who(actor), action: 'schedule.extra_add', objectType: 'booking_extra_session', objectId: row.id, detail: { day: body.day, channel: body.channel } })
    return row.id
  })
}

export async function removeExtraSession(deps: AppointmentDeps, input: { id: string }, actor: ActorRef): Promise<void> {
  const { id } = input
  const now = deps.now()
  await inTransaction(deps.db, async (tx) => {
    const row = await repo.deleteExtraSession(tx, id)
    if (!row) throw E.SCHEDULE_NOT_FOUND()
    await reconcileSlots({ tx, now: () => now }, { channel: row.channel, servicePointId: row.servicePointId })
    await writeAudit(tx, { actor: who(actor), action: 'schedule.extra_remove', objectType: 'booking_extra_session', objectId: id, detail: { day: row.day } })
  })
}

/** Channels with a schedule, per service point id (null key: the city-wide online and callback channels). */
export async function channelsByPoint(deps: Pick<AppointmentDeps, 'db'>): Promise<Map<string | null, AppointmentChannel[]>> {
  const m = new Map<string | null, AppointmentChannel[]>()
  for (const p of await scheduledPairs(deps.db)) m.set(p.servicePointId, [...(m.get(p.servicePointId) ?? []), p.channel])
  for (const [k, v] of m) m.set(k, APPOINTMENT_CHANNEL_CODES.filter(c => v.includes(c)))
  return m
}
