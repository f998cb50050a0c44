/**
 * Managing a booking without an account (as Cal.com does): the private link's token (only its hash
 * is looked up), or reference + phone for people without the link. View, reschedule (the new place
 * is taken before the old one is freed, in one transaction), cancel, calendar file, confirm a place
 * held from the waitlist. A freed place goes to the next person on that day's waitlist.
 */
import { randomUUID } from 'node:crypto'
import { createEvent } from 'ics'
import type { AppointmentRow, AppointmentSlotRow } from '../../db/schema'
import { writeAudit } from '../../repositories/audit'
import * as repo from '../../repositories/appointments'
import { proveByReferenceAndPhone } from '../platform/proof'
import { shanghaiDay } from '../../../shared/time/calendar'
import {
  type AppointmentDeps, type PublicAppointmentDeps, decryptPhone, hashToken, inTransaction, limitsOf, manageTokenOf, newToken, phoneAad, queueText,
  textInput, toDto, tokenAad,
} from './booking'
import type { ActorRef } from '../platform/actor'
import { bookingErrors as E } from './errors'
import { appointmentReference } from './rules'
import { texts } from './texts'
import { APPOINTMENT_CHANNEL_LABELS, type AppointmentProofBody } from '../../../shared/schemas/appointments'
import type { AppointmentDto } from '../../../shared/types/appointments'

async function byToken(deps: AppointmentDeps, token: string): Promise<repo.AppointmentWithSlot> {
  const r = await repo.findByManageToken(deps.db, hashToken(token))
  if (!r) throw E.MANAGE_LINK_INVALID()
  return r
}

export async function viewBooking(deps: AppointmentDeps, token: string): Promise<AppointmentDto> {
  return toDto(deps, await byToken(deps, token), deps.now())
}

function assertChangeable(a: AppointmentRow, slot: AppointmentSlotRow, now: Date, cancel = false): void {
  if (a.status !== 'booked' || slot.startsAt.getTime() <= now.getTime()) throw cancel ? E.APPOINTMENT_NOT_CANCELLABLE() : E.APPOINTMENT_NOT_CHANGEABLE()
}

export interface WaitScope { channel: AppointmentSlotRow['channel'], servicePointId: string | null, day: string }

/**
 * Offers free places of a day to the people waiting for it, oldest first: each gets a place held
 * until `held_until` and a text with a link to confirm. Runs after the transaction that freed a
 * place (and in the worker's sweep), in its own transactions, taking locks in the booking order
 * (phone, then slot). Returns the held appointments' ids.
 */
export async function offerWaitingPlaces(deps: AppointmentDeps, scope: WaitScope): Promise<string[]> {
  const offered: string[] = []
  for (let guard = 0; guard < 50; guard++) {
    const id = await inTransaction(deps.db, async (tx) => {
      const now = deps.now()
      const next = await repo.nextWaiting(tx, scope)
      if (!next) return null
      await repo.advisoryLocks(tx, [`booking:phone:${next.phoneHash}`])
      if ((await repo.phoneLoad(tx, next.phoneHash, scope.day, now)).sameDay > 0) {
        await repo.updateWaitlist(tx, next.id, { status: 'cancelled' })
        return 'skipped'
      }
      const slot = await repo.firstFreeSlot(tx, scope, now)
      if (!slot || !(await repo.takePlace(tx, slot.id, now))) return null
      const slotNo = await repo.lowestFreePlace(tx, slot.id)
      const id = randomUUID()
      const token = newToken()
      const holdMs = limitsOf(deps).holdMinutes * 60_000
      // Held for the hold time, but never past one hour before the slot starts (at least 5 minutes).
      const heldUntil = new Date(Math.max(now.getTime() + 5 * 60_000, Math.min(now.getTime() + holdMs, slot.startsAt.getTime() - 3600_000)))
      const phone = deps.crypto.cipher.decrypt(next.phoneEnc, waitlistPhoneAad(next.id))
      const a = await repo.insertAppointment(tx, {
        id, reference: appointmentReference(now), slotId: slot.id, slotNo, slotDay: scope.day, channel: slot.channel, name: next.name,
        phoneEnc: deps.crypto.cipher.encrypt(phone, phoneAad(id)), phoneHash: next.phoneHash, phoneMasked: next.phoneMasked,
        topic: next.topic, status: 'held', heldUntil, manageTokenHash: hashToken(token), manageTokenEnc: deps.crypto.cipher.encrypt(token, tokenAad(id)),
      })
      await repo.updateWaitlist(tx, next.id, { status: 'offered', appointmentId: id })
      await writeAudit(tx, { actor: 'system', action: 'appointment.waitlist_offer', objectType: 'appointment', objectId: id, detail: { slotId: slot.id, waitlistId: next.id } })
      const point = slot.servicePointId ? await repo.findServicePoint(tx, slot.servicePointId) : undefined
      await queueText(tx, deps, id, 'waitlist_offer', texts.waitlistOffer(textInput(deps, a, slot, point?.name ?? null, token), heldUntil), `waitlist_offer:${id}`, now)
      return id
    })
    if (id === null) break
    if (id !== 'skipped') offered.push(id)
  }
  return offered
}

export const waitlistPhoneAad = (id: string) => `booking_waitlist:${id}:phone`

const scopeOf = (slot: AppointmentSlotRow): WaitScope => ({ channel: slot.channel, servicePointId: slot.servicePointId, day: shanghaiDay(slot.startsAt) })

/** Best effort after a place was freed (the worker's sweep catches anything missed). */
async function afterFreed(deps: AppointmentDeps, slot: AppointmentSlotRow | undefined): Promise<void> {
  if (!slot) return
  await offerWaitingPlaces(deps, scopeOf(slot)).catch(() => {})
}

export async function rescheduleBooking(deps: AppointmentDeps, input: { token: string, slotId: string }): Promise<AppointmentDto> {
  const { token, slotId: newSlotId } = input
  const current = await byToken(deps, token)
  const now = deps.now()
  const id = current.appointment.id
  let freed: AppointmentSlotRow | undefined
  await inTransaction(deps.db, async (tx) => {
    const a = await repo.lockAppointment(tx, id)
    if (!a) throw E.MANAGE_LINK_INVALID()
    const oldSlot = (await repo.findSlot(tx, a.slotId))!
    assertChangeable(a, oldSlot, now)
    if (newSlotId === a.slotId) throw E.SAME_SLOT()
    const target = await repo.findSlot(tx, newSlotId)
    if (!target) throw E.SLOT_NOT_FOUND()
    if (target.channel !== a.channel) throw E.RESCHEDULE_CHANNEL()
    if (target.withdrawnAt || target.startsAt.getTime() <= now.getTime()) throw E.SLOT_CLOSED()
    const day = shanghaiDay(target.startsAt)
    await repo.advisoryLocks(tx, [`booking:phone:${a.phoneHash}`])
    if ((await repo.phoneLoad(tx, a.phoneHash, day, now, a.id)).sameDay > 0) throw E.PHONE_ALREADY_BOOKED()
    // Both slot rows locked in id order, then: take the new place, move, free the old one.
    await repo.lockSlots(tx, [a.slotId, target.id])
    if (!(await repo.takePlace(tx, target.id, now))) throw E.SLOT_FULL()
    const slotNo = await repo.lowestFreePlace(tx, target.id)
    await repo.updateAppointment(tx, a.id, { slotId: target.id, slotNo, slotDay: day, reminderQueuedAt: null })
    await repo.releasePlace(tx, oldSlot.id)
    freed = oldSlot
    await writeAudit(tx, { actor: null, action: 'appointment.reschedule', objectType: 'appointment', objectId: a.id, detail: { fromSlotId: oldSlot.id, toSlotId: target.id } })
    const point = target.servicePointId ? await repo.findServicePoint(tx, target.servicePointId) : undefined
    await queueText(tx, deps, a.id, 'reschedule', texts.reschedule(textInput(deps, a, target, point?.name ?? null, token)), `reschedule:${a.id}:${target.id}:${now.getTime()}`, now)
  })
  await afterFreed(deps, freed)
  return toDto(deps, (await repo.findById(deps.db, id))!, deps.now())
}

/** Cancels (booked, or a held waitlist place the person declines); the place goes to the next person waiting. */
export async function cancelBooking(deps: AppointmentDeps, token: string): Promise<AppointmentDto> {
  const current = await byToken(deps, token)
  await cancelById(deps, { id: current.appointment.id })
  return toDto(deps, (await repo.findById(deps.db, current.appointment.id))!, deps.now())
}

export async function cancelById(deps: AppointmentDeps, input: { id: string }, actor?: ActorRef): Promise<void> {
  const { id } = input
  const ipHash = deps.ipHash ?? null
  const now = deps.now()
  let freed: AppointmentSlotRow | undefined
  await inTransaction(deps.db, async (tx) => {
    const a = await repo.lockAppointment(tx, id)
    if (!a) throw E.APPOINTMENT_NOT_FOUND()
    const slot = (await repo.findSlot(tx, a.slotId))!
    if (a.status === 'held') {
      await repo.updateAppointment(tx, a.id, { status: 'cancelled', cancelledAt: now })
      const w = await repo.waitlistByAppointment(tx, a.id)
      if (w) await repo.updateWaitlist(tx, w.id, { status: 'cancelled' })
    } else {
      assertChangeable(a, slot, now, true)
      await repo.updateAppointment(tx, a.id, { status: 'cancelled', cancelledAt: now })
    }
    await repo.releasePlace(tx, slot.id)
    freed = slot
    await writeAudit(tx, { actor: actor ? { id: actor.id, role: actor.role } : null, action: 'appointment.cancel', objectType: 'appointment', objectId: a.id, ipHash, detail: { slotId: slot.id } })
    await queueText(tx, deps, a.id, 'cancellation', texts.cancellation(textInput(deps, a, slot, null, null)), `cancellation:${a.id}`, now)
  })
  await afterFreed(deps, freed)
}

/** The person takes the place held for them from the waitlist. */
export async function confirmHeldPlace(deps: AppointmentDeps, token: string): Promise<AppointmentDto> {
  const current = await byToken(deps, token)
  const now = deps.now()
  await inTransaction(deps.db, async (tx) => {
    const a = await repo.lockAppointment(tx, current.appointment.id)
    if (!a || a.status !== 'held') throw E.APPOINTMENT_NOT_CHANGEABLE()
    if (a.heldUntil && a.heldUntil.getTime() < now.getTime()) throw E.HOLD_EXPIRED()
    await repo.updateAppointment(tx, a.id, { status: 'booked', heldUntil: null })
    const w = await repo.waitlistByAppointment(tx, a.id)
    if (w) await repo.updateWaitlist(tx, w.id, { status: 'booked' })
    await writeAudit(tx, { actor: null, action: 'appointment.waitlist_accept', objectType: 'appointment', objectId: a.id })
  })
  return toDto(deps, (await repo.findById(deps.db, current.appointment.id))!, deps.now())
}

/** Releases held places nobody confirmed in time, offering each to the next person. Returns how many. */
export async function releaseExpiredHolds(deps: AppointmentDeps): Promise<number> {
  const now = deps.now()
  let released = 0
  for (const h of await repo.expiredHolds(deps.db, now)) {
    let freed: AppointmentSlotRow | undefined
    await inTransaction(deps.db, async (tx) => {
      const a = await repo.lockAppointment(tx, h.id)
      if (!a || a.status !== 'held' || !a.heldUntil || a.heldUntil.getTime() >= now.getTime()) return
      await repo.updateAppointment(tx, a.id, { status: 'cancelled', cancelledAt: now })
      const w = await repo.waitlistByAppointment(tx, a.id)
      if (w) await repo.updateWaitlist(tx, w.id, { status: 'expired' })
      await writeAudit(tx, { actor: 'system', action: 'appointment.hold_expired', objectType: 'appointment', objectId: a.id })
      await repo.releasePlace(tx, a.slotId)
      freed = await repo.findSlot(tx, a.slotId)
      released++
    })
    await afterFreed(deps, freed)
  }
  return released
}

/** An iCalendar file (RFC 5545) for the person's calendar app; times in UTC, no personal data. */
export async function bookingCalendar(deps: AppointmentDeps, token: string): Promise<{ filename: string, body: string }> {
  const r = await byToken(deps, token)
  const channel = APPOINTMENT_CHANNEL_LABELS[r.slot.channel]
  const toArr = (d: Date) => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()] as [number, number, number, number, number]
  const sensitive = r.appointment.topic === '家庭暴力'
  const { error, value } = createEvent({
    uid: `${r.appointment.id}@12348.yinchuan`,
    title: sensitive ? '预约' : `公共法律服务预约：${channel}`,
    description: `预约编号 ${r.appointment.reference}。如需改期或取消，请使用预约确认中的链接，或拨打 12348。`,
    location: r.point && !sensitive ? `${r.point.name} ${r.point.address}` : undefined,
    start: toArr(r.slot.startsAt), startInputType: 'utc', startOutputType: 'utc',
    end: toArr(r.slot.endsAt), endInputType: 'utc', endOutputType: 'utc',
    status: r.appointment.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    productId: 'yinchuan-legal-portal',
    method: 'PUBLISH',
  })
  if (error || !value) throw new Error('calendar file could not be built')
  return { filename: `${r.appointment.reference}.ics`, body: value }
}

/**
 * Reference + phone prove the booking (for people without the link): the platform's proof
 * (same answer for a wrong reference and a wrong phone) and its look-up limit.
 */
export async function lookupAppointment(deps: PublicAppointmentDeps, proof: AppointmentProofBody): Promise<AppointmentDto> {
  const row = await proveByReferenceAndPhone(deps, proof, deps.ipHash, ref => repo.findByReference(deps.db, ref), r => r.appointment.phoneHash, E.APPOINTMENT_NOT_FOUND)
  return toDto(deps, row, deps.now())
}

/** Cancel with reference + phone (kept for people without the link). */
export async function cancelByProof(deps: PublicAppointmentDeps, proof: AppointmentProofBody): Promise<AppointmentDto> {
  const found = await lookupAppointment(deps, proof)
  const row = (await repo.findByReference(deps.db, found.reference))!
  await cancelById(deps, { id: row.appointment.id })
  return toDto(deps, (await repo.findById(deps.db, row.appointment.id))!, deps.now())
}

export { decryptPhone, manageTokenOf }
