/**
 * What the 12348 hotline console uses of the booking service (issue 10 builds attempts and the queue
 * on top of these). A callback is an appointment of channel `hotline_callback`: same slots, same
 * capacity rules, same hoarding limits, same texts, same rating, whether the resident booked it on
 * the site or an operator booked it during a call.
 *
 *   bookCallbackInTransaction(tx, deps, { slotId, phone, topic, callId, name? }, actor)
 *       books inside the call's transaction (the call and its callback commit together);
 *   listCallbackSlots(deps)            future callback windows with free places;
 *   callbacksForDay(deps, actor, day)  the day's callbacks, masked, audited (appointment.list);
 *   revealCallbackPhone(deps, actor, id, purpose)  the full number for dialling, audited with purpose;
 *   recordOutcome(deps, actor, id, 'completed' | 'no_show' | 'checked_in')  (staff.ts) closes one and
 *       sends the rating link when completed.
 */
import type { Tx } from '../../db/client'
import { writeAudit } from '../../repositories/audit'
import * as repo from '../../repositories/appointments'
import { addDays, shanghaiDay, shanghaiDayRange } from '../../../shared/time/calendar'
import { type AppointmentDeps, bookInTransaction, type BookResult, decryptPhone } from './booking'
import type { ActorRef } from '../platform/actor'
import { bookingErrors as E } from './errors'
import { listSlots } from './slots'
import type { AppointmentSlotDto } from '../../../shared/types/appointments'

export interface CallbackInput { slotId: string, phone: string, topic: string, callId?: string, name?: string | null, note?: string | null }

export async function bookCallbackInTransaction(tx: Tx, deps: AppointmentDeps, input: CallbackInput, actor: ActorRef): Promise<BookResult> {
  return bookInTransaction(tx, deps, { ...input, channel: 'hotline_callback' }, actor)
}

/** Callback windows of the next 14 days with free places. */
export async function listCallbackSlots(deps: AppointmentDeps): Promise<AppointmentSlotDto[]> {
  const today = shanghaiDay(deps.now())
  return listSlots(deps, { channel: 'hotline_callback', from: today, to: addDays(today, 14) })
}

export interface CallbackItem {
  id: string, reference: string, callId: string | null, callReference: string | null, topic: string,
  windowStartsAt: string, windowEndsAt: string, slotNo: number, status: string, phoneMasked: string, bookedByStaff: boolean
}

export async function callbacksForDay(deps: AppointmentDeps, actor: ActorRef, day: string | undefined, ipHash: string | null = null): Promise<CallbackItem[]> {
  const d = day ?? shanghaiDay(deps.now())
  const { start, end } = shanghaiDayRange(d)
  return deps.db.transaction(async (tx) => {
    const rows = await repo.listCallbacksBetween(tx, start, end)
    await writeAudit(tx, { actor: { id: actor.id, role: actor.role }, action: 'callback.list', objectType: 'appointment', ipHash, detail: { date: d, count: rows.length } })
    return rows.map(r => ({
      id: r.appointment.id, reference: r.appointment.reference, callId: r.appointment.callId, callReference: r.callReference,
      topic: r.appointment.topic, windowStartsAt: r.slot.startsAt.toISOString(), windowEndsAt: r.slot.endsAt.toISOString(),
      slotNo: r.appointment.slotNo, status: r.appointment.status, phoneMasked: r.appointment.phoneMasked, bookedByStaff: r.appointment.bookedBy !== null,
    }))
  })
}

export async function revealCallbackPhone(deps: AppointmentDeps, actor: ActorRef, id: string, purpose: string, ipHash: string | null = null): Promise<string> {
  return deps.db.transaction(async (tx) => {
    const r = await repo.findById(tx, id)
    if (!r) throw E.APPOINTMENT_NOT_FOUND()
    await writeAudit(tx, { actor: { id: actor.id, role: actor.role }, action: 'callback.reveal', objectType: 'appointment', objectId: id, purpose, ipHash })
    return decryptPhone(deps, r.appointment)
  })
}
