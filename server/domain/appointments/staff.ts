/**
 * The service centre's side: a day view per service point and channel (masked, audited), check-in,
 * no-show and completed (audited), the one-time rating link after a completed visit or callback,
 * and the satisfaction figures for the supervisor's dashboard.
 */
import type { Tx } from '../../db/client'
import type { AppointmentChannel } from '../../db/schema'
import { writeAudit } from '../../repositories/audit'
import * as repo from '../../repositories/appointments'
import { holidayName, isPublicHoliday, shanghaiDay, shanghaiDayRange, isMakeupWorkday } from '../../../shared/time/calendar'
import { type AppointmentDeps, decryptPhone, hashToken, inTransaction, linkOf, newToken, queueText, textInput } from './booking'
import type { ActorRef } from '../platform/actor'
import { bookingErrors as E } from './errors'
import { materialiseSlots, toSlotDto } from './slots'
import { texts } from './texts'
import { maskName } from '../../../shared/domain/applications/mask'
import type { StaffOutcome } from '../../../shared/schemas/appointments'
import type { SatisfactionDto, StaffAppointmentItemDto, StaffDayViewDto, RatingViewDto, StaffRevealDto } from '../../../shared/types/appointments'

const auditActor = (a: ActorRef) => ({ id: a.id, role: a.role })

export function toStaffItem(r: repo.AppointmentWithSlot): StaffAppointmentItemDto {
  return {
    id: r.appointment.id,
    reference: r.appointment.reference,
    channel: r.slot.channel,
    startsAt: r.slot.startsAt.toISOString(),
    endsAt: r.slot.endsAt.toISOString(),
    slotNo: r.appointment.slotNo,
    servicePointName: r.point?.name ?? null,
    nameMasked: r.appointment.name ? maskName(r.appointment.name) : '（未留姓名）',
    phoneMasked: r.appointment.phoneMasked,
    topic: r.appointment.topic,
    status: r.appointment.status,
    bookedByStaff: r.appointment.bookedBy !== null,
  }
}

/** One day's appointments of all channels/points (default today, Asia/Shanghai): masked, audited. */
export async function staffDayList(deps: AppointmentDeps, input: { date?: string, channel?: AppointmentChannel, servicePointId?: string }, actor: ActorRef): Promise<StaffAppointmentItemDto[]> {
  const { date, ...f } = input
  const ipHash = deps.ipHash ?? null
  const day = date ?? shanghaiDay(deps.now())
  const { start, end } = shanghaiDayRange(day)
  return deps.db.transaction(async (tx) => {
    const rows = await repo.listAppointmentsBetween(tx, start, end, f)
    await writeAudit(tx, { actor: auditActor(actor), action: 'appointment.list', objectType: 'appointment', ipHash, detail: { date: day, count: rows.length, channel: f.channel ?? null } })
    return rows.map(toStaffItem)
  })
}

/** The day view of one (point, channel): every slot with its places and masked bookings. */
export async function staffDayView(deps: AppointmentDeps, q: { date?: string, channel: AppointmentChannel, servicePointId?: string }, actor: ActorRef): Promise<StaffDayViewDto> {
  const ipHash = deps.ipHash ?? null
  const day = q.date ?? shanghaiDay(deps.now())
  const { start, end } = shanghaiDayRange(day)
  const scope = { channel: q.channel, servicePointId: q.servicePointId ?? null }
  await materialiseSlots(deps, { ...scope, fromDay: day, toDay: day })
  return deps.db.transaction(async (tx) => {
    const slots = await repo.slotsOf(tx, { ...scope, from: start, to: end })
    const rows = await repo.listAppointmentsBetween(tx, start, end, { channel: q.channel, servicePointId: q.servicePointId })
    await writeAudit(tx, { actor: auditActor(actor), action: 'appointment.list', objectType: 'appointment', ipHash, detail: { date: day, count: rows.length, channel: q.channel } })
    const holiday = isPublicHoliday(day) ? `${holidayName(day) ?? '法定节假日'}（休息）` : isMakeupWorkday(day) ? `${holidayName(day) ?? ''}调休上班` : null
    return {
      day, channel: q.channel, servicePointId: scope.servicePointId, holiday,
      slots: slots.map(s => ({ ...toSlotDto(s), withdrawn: s.withdrawnAt !== null, appointments: rows.filter(r => r.slot.id === s.id).map(toStaffItem) })),
    }
  })
}

/**
 * The full name and phone of one booking, for a staff member who must call or identify the
 * resident: each reveal is an audit row with the stated purpose (the lists stay masked).
 */
export async function revealAppointmentContact(deps: AppointmentDeps, input: { id: string, purpose: string }, actor: ActorRef): Promise<StaffRevealDto> {
  const { id, purpose } = input
  const ipHash = deps.ipHash ?? null
  return deps.db.transaction(async (tx) => {
    const r = await repo.findById(tx, id)
    if (!r) throw E.APPOINTMENT_NOT_FOUND()
    await writeAudit(tx, { actor: auditActor(actor), action: 'appointment.reveal', objectType: 'appointment', objectId: id, purpose, ipHash })
    return { id, name: r.appointment.name, phone: decryptPhone(deps, r.appointment) }
  })
}

const ALLOWED: Record<StaffOutcome, readonly string[]> = {
  checked_in: ['booked'],
  completed: ['booked', 'checked_in'],
  no_show: ['booked'],
}

/**
 * Check-in, completed or no-show, audited. Completing queues the one-time rating link for the
 * resident (a text with a random token of which only the hash is kept).
 */
export async function recordOutcome(deps: AppointmentDeps, input: { id: string, status: StaffOutcome }, actor: ActorRef): Promise<StaffAppointmentItemDto> {
  await inTransaction(deps.db, tx => recordOutcomeInTransaction({ ...deps, tx }, input, actor))
  return toStaffItem((await repo.findById(deps.db, input.id))!)
}

/** recordOutcome inside the caller's transaction `deps.tx` (the hotline closes a callback together with its last attempt). */
export async function recordOutcomeInTransaction(deps: AppointmentDeps & { tx: Tx }, input: { id: string, status: StaffOutcome }, actor: ActorRef): Promise<void> {
  const { tx } = deps
  const { id, status } = input
  const ipHash = deps.ipHash ?? null
  const now = deps.now()
  const a = await repo.lockAppointment(tx, id)
  if (!a) throw E.APPOINTMENT_NOT_FOUND()
  if (!ALLOWED[status].includes(a.status)) throw E.STATUS_CHANGE_INVALID()
  await repo.updateAppointment(tx, id, {
    status,
    ...(status === 'checked_in' ? { checkedInAt: now } : {}),
    ...(status === 'completed' ? { completedAt: now, completedBy: actor.id } : {}),
  })
  await writeAudit(tx, { actor: auditActor(actor), action: `appointment.${status}`, objectType: 'appointment', objectId: id, ipHash, detail: { from: a.status } })
  if (status === 'completed') {
    const token = newToken()
    if (await repo.insertRating(tx, { appointmentId: id, tokenHash: hashToken(token) })) {
      const slot = (await repo.findSlot(tx, a.slotId))!
      const t = { ...textInput(deps, a, slot, null, null), link: linkOf(deps, `/appointments/rate/${token}`) }
      await queueText(tx, deps, id, 'rating_request', texts.ratingRequest(t), `rating_request:${id}`, now)
    }
  }
}

export async function viewRating(deps: AppointmentDeps, token: string): Promise<RatingViewDto> {
  const r = await repo.findRatingByToken(deps.db, hashToken(token))
  if (!r) throw E.RATING_LINK_INVALID()
  return { reference: r.reference, channel: r.channel, startsAt: r.startsAt.toISOString(), rated: r.ratedAt !== null }
}

/** The resident's rating: 1-5 and an optional comment, once. */
export async function rateAppointment(deps: AppointmentDeps, input: { token: string, score: number, comment?: string }): Promise<RatingViewDto> {
  const { token, ...body } = input
  const r = await repo.findRatingByToken(deps.db, hashToken(token))
  if (!r) throw E.RATING_LINK_INVALID()
  const now = deps.now()
  await deps.db.transaction(async (tx) => {
    const done = await repo.giveRating(tx, r.id, body.score, body.comment ?? null, now)
    if (!done) throw E.RATING_ALREADY_GIVEN()
    await writeAudit(tx, { actor: null, action: 'appointment.rate', objectType: 'appointment', objectId: r.appointmentId, detail: { score: body.score } })
  })
  return { reference: r.reference, channel: r.channel, startsAt: r.startsAt.toISOString(), rated: true }
}

/**
 * Satisfaction for the dashboard (city plan item 86, target ≥ 90%): ratings given on the
 * Asia/Shanghai days [fromDay, toDay]; satisfied = scores 4 and 5 over all ratings given.
 * `satisfiedRate` is null when nobody rated (never a made-up 0 or 100%).
 */
export async function satisfactionFigures(deps: Pick<AppointmentDeps, 'db'>, q: { fromDay: string, toDay: string, channel?: AppointmentChannel }): Promise<SatisfactionDto> {
  const from = shanghaiDayRange(q.fromDay).start
  const to = shanghaiDayRange(q.toDay).end
  const { responses, satisfied } = await repo.ratingFigures(deps.db, from, to, q.channel)
  return { responses, satisfied, satisfiedRate: responses ? satisfied / responses : null }
}
