/**
 * Slots from schedules: computed by schedule.ts, materialised as rows on demand (insert if absent,
 * so two instances doing it at once are harmless), withdrawn when a closure or a changed rule takes
 * them out of the schedule (their bookings keep their place; staff see them).
 */
import type { AppointmentChannel, AppointmentSlotRow } from '../../db/schema'
import type { DbOrTx } from '../../db/client'
import * as repo from '../../repositories/appointments'
import { isServicePointActive } from '../../repositories/service-points'
import { addDays, shanghaiDay, atShanghai } from '../../../shared/time/calendar'
import { BOOKING_HORIZON_DAYS, planSlots } from './schedule'
import type { AppointmentDeps } from './booking'
import type { AppointmentSlotDto, SlotAlternativesDto, SlotDayDto } from '../../../shared/types/appointments'
import type { ListSlotsQuery } from '../../../shared/schemas/appointments'
import { APPOINTMENT_CHANNEL_CODES } from '../../../shared/schemas/appointments'

export interface Scope { channel: AppointmentChannel, servicePointId: string | null }

/** The schedule of a scope; a point an admin took out of service plans no slots (its closures still apply). */
async function scheduleOf(db: DbOrTx, f: Scope & { fromDay: string, toDay: string }) {
  // In turn, not Promise.all: `db` may be a transaction (one connection; pg refuses overlapping queries on one client).
  const inputs = await repo.scheduleInputs(db, f)
  const open = f.servicePointId === null || await isServicePointActive(db, f.servicePointId)
  return open ? inputs : { ...inputs, rules: [], extras: [] }
}

export function toSlotDto(s: AppointmentSlotRow): AppointmentSlotDto {
  return {
    id: s.id, channel: s.channel, servicePointId: s.servicePointId, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(),
    capacity: s.capacity, free: Math.max(0, s.capacity - s.booked),
  }
}

/** Inserts the planned slots of [fromDay, toDay] that are not rows yet. Returns how many were added. */
export async function materialiseSlots(deps: Pick<AppointmentDeps, 'db'>, input: Scope & { fromDay: string, toDay: string }): Promise<number> {
  const { db } = deps
  const { fromDay, toDay } = input
  const scope: Scope = { channel: input.channel, servicePointId: input.servicePointId }
  const inputs = await scheduleOf(db, { ...scope, fromDay, toDay })
  if (!inputs.rules.length && !inputs.extras.length) return 0
  const planned = planSlots(inputs, fromDay, toDay)
  if (!planned.length) return 0
  const existing = await repo.slotsOf(db, { ...scope, from: atShanghai(fromDay, '00:00'), to: atShanghai(addDays(toDay, 1), '00:00') })
  const have = new Set(existing.map(s => s.startsAt.getTime()))
  const missing = planned.filter(p => !have.has(p.startsAt.getTime()))
  if (!missing.length) return 0
  return repo.insertSlotsIfAbsent(db, missing.map(p => ({ ...scope, startsAt: p.startsAt, endsAt: p.endsAt, capacity: p.capacity })))
}

/**
 * Brings one (point, channel)'s future slots in line with its schedule after an admin's edit:
 * adds new ones, withdraws those no longer planned, restores re-planned ones, applies a new
 * capacity (never below the places taken). Run in the edit's transaction (`deps.tx`).
 */
export async function reconcileSlots(deps: Pick<AppointmentDeps, 'now'> & { tx: DbOrTx }, scope: Scope): Promise<{ added: number, withdrawn: number, restored: number }> {
  const { tx } = deps
  const now = deps.now()
  const fromDay = shanghaiDay(now)
  const toDay = addDays(fromDay, BOOKING_HORIZON_DAYS)
  const planned = planSlots(await scheduleOf(tx, { ...scope, fromDay, toDay }), fromDay, toDay).filter(p => p.startsAt > now)
  const existing = (await repo.slotsOf(tx, { ...scope, from: now, to: atShanghai(addDays(toDay, 1), '00:00') }))
  const byStart = new Map(existing.map(s => [s.startsAt.getTime(), s]))
  const plannedStarts = new Set(planned.map(p => p.startsAt.getTime()))
  const withdraw = existing.filter(s => !s.withdrawnAt && !plannedStarts.has(s.startsAt.getTime())).map(s => s.id)
  const restore: string[] = []
  const add = []
  for (const p of planned) {
    const s = byStart.get(p.startsAt.getTime())
    if (!s) add.push({ ...scope, startsAt: p.startsAt, endsAt: p.endsAt, capacity: p.capacity })
    else {
      if (s.withdrawnAt) restore.push(s.id)
      if (s.capacity !== p.capacity) await repo.setSlotCapacity(tx, s.id, p.capacity)
    }
  }
  await repo.setSlotsWithdrawn(tx, withdraw, now)
  await repo.setSlotsWithdrawn(tx, restore, null)
  const added = await repo.insertSlotsIfAbsent(tx, add)
  return { added, withdrawn: withdraw.length, restored: restore.length }
}

/** The days a query covers, clipped to [today, today + horizon]. */
export function queryDays(now: Date, from?: string, to?: string): { fromDay: string, toDay: string } | null {
  const today = shanghaiDay(now)
  const last = addDays(today, BOOKING_HORIZON_DAYS)
  const fromDay = from && from > today ? from : today
  const toDay = to && to < last ? to : last
  return fromDay > toDay ? null : { fromDay, toDay }
}

/** A slot query's days (none in the past) with their slots materialised from the schedules: the scope, the first day's start and the end of the last day. */
async function materialisedRange(deps: AppointmentDeps, q: ListSlotsQuery) {
  const now = deps.now()
  const days = queryDays(now, q.from, q.to)
  if (!days) return null
  const scope: Scope = { channel: q.channel, servicePointId: q.servicePointId ?? null }
  await materialiseSlots(deps, { ...scope, ...days })
  return { now, scope, dayStart: atShanghai(days.fromDay, '00:00'), end: atShanghai(addDays(days.toDay, 1), '00:00') }
}

/** Future slots with free places (contract: GET /api/appointments/slots). */
export async function listSlots(deps: AppointmentDeps, q: ListSlotsQuery): Promise<AppointmentSlotDto[]> {
  const range = await materialisedRange(deps, q)
  if (!range) return []
  const { now, scope, dayStart, end } = range
  const rows = await repo.openSlotsBetween(deps.db, {
    ...scope,
    // openSlotsBetween is exclusive at `from`: a slot at exactly 00:00 of the first day still counts.
    from: dayStart > now ? new Date(dayStart.getTime() - 1) : now,
    to: end,
  })
  return rows.map(toSlotDto)
}

/**
 * A full day is not a dead end: the next free slots of the same channel (and point), and for each
 * other channel its next free slot.
 */
export async function slotAlternatives(deps: AppointmentDeps, q: { channel: AppointmentChannel, servicePointId?: string, day: string }): Promise<SlotAlternativesDto> {
  const now = deps.now()
  const days = queryDays(now, q.day)
  if (!days) return { next: [], otherChannels: [] }
  const horizonEnd = atShanghai(addDays(days.toDay, 1), '00:00')
  await materialiseSlots(deps, { channel: q.channel, servicePointId: q.servicePointId ?? null, ...days })
  const next = await repo.openSlotsBetween(deps.db, { channel: q.channel, servicePointId: q.servicePointId ?? null, from: now, to: horizonEnd, limit: 5 })
  const otherChannels = []
  for (const c of APPOINTMENT_CHANNEL_CODES) {
    if (c === q.channel) continue
    // Walk-in elsewhere needs a point: offer the same point's walk-in only when one was chosen.
    if (c === 'walk_in' && !q.servicePointId) continue
    const point = c === 'walk_in' ? q.servicePointId! : null
    await materialiseSlots(deps, { channel: c, servicePointId: point, ...days })
    const [first] = await repo.openSlotsBetween(deps.db, { channel: c, servicePointId: point, from: now, to: horizonEnd, limit: 1 })
    otherChannels.push({ channel: c, next: first ? toSlotDto(first) : null })
  }
  return { next: next.map(toSlotDto), otherChannels }
}

/**
 * The days of a range that have a schedule, each with its places and free places (a day with
 * places but none free is full: the booking page offers the next free slots, the other channels
 * and the waitlist instead of a dead end). Days without a slot (closed, holiday) are left out.
 */
export async function listSlotDays(deps: AppointmentDeps, q: ListSlotsQuery): Promise<SlotDayDto[]> {
  const range = await materialisedRange(deps, q)
  if (!range) return []
  const { now, scope, dayStart, end } = range
  const rows = await repo.slotsOf(deps.db, { ...scope, from: dayStart > now ? dayStart : now, to: end })
  const byDay = new Map<string, SlotDayDto>()
  for (const s of rows) {
    if (s.withdrawnAt || s.startsAt <= now) continue
    const day = shanghaiDay(s.startsAt)
    const d = byDay.get(day) ?? { day, capacity: 0, free: 0, freeSlots: 0 }
    d.capacity += s.capacity
    d.free += Math.max(0, s.capacity - s.booked)
    if (s.capacity > s.booked) d.freeSlots++
    byDay.set(day, d)
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day))
}
