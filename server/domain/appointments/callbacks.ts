/**
 * What the 12348 hotline console uses of the booking service (issue 10 builds attempts and the queue
 * on top of these). A callback is an appointment of channel `hotline_callback`: same slots, same
 * capacity rules, same hoarding limits, same texts, same rating, whether the resident booked it on
 * the site or an operator booked it during a call.
 *
 *   bookCallbackInTransaction({ ...deps, tx }, { slotId, phone, topic, callId, name? }, actor)
 *       books inside the call's transaction (deps.tx) (the call and its callback commit together);
 *   listCallbackSlots(deps)            future callback windows with free places;
 *   revealCallbackPhone(deps, actor, id, purpose)  the full number for dialling, audited with purpose;
 *   recordOutcome(deps, actor, id, 'completed' | 'no_show' | 'checked_in')  (staff.ts) closes one and
 *       sends the rating link when completed.
 */
import type { Tx } from '../../db/client'
import { writeAudit } from '../../repositories/audit'
import * as repo from '../../repositories/appointments'
import { addDays, shanghaiDay } from '../../../shared/time/calendar'
import { type AppointmentDeps, bookInTransaction, type BookResult, decryptPhone } from './booking'
import type { ActorRef } from '../platform/actor'
import { bookingErrors as E } from './errors'
import { listSlots } from './slots'
import type { AppointmentSlotDto } from '../../../shared/types/appointments'

export interface CallbackInput { slotId: string, phone: string, topic: string, callId?: string, name?: string | null, note?: string | null }

export async function bookCallbackInTransaction(deps: AppointmentDeps & { tx: Tx }, input: CallbackInput, actor: ActorRef): Promise<BookResult> {
  return bookInTransaction(deps, { ...input, channel: 'hotline_callback' }, actor)
}

/** Callback windows of the next 14 days with free places. */
export async function listCallbackSlots(deps: AppointmentDeps): Promise<AppointmentSlotDto[]> {
  const today = shanghaiDay(deps.now())
  return listSlots(deps, { channel: 'hotline_callback', from: today, to: addDays(today, 14) })
}

export async function revealCallbackPhone(deps: AppointmentDeps, input: { id: string, purpose: string }, actor: ActorRef): Promise<string> {
  const { id, purpose } = input
  const ipHash = deps.ipHash ?? null
  return deps.db.transaction(async (tx) => {
    const r = await repo.findById(tx, id)
    if (!r) throw E.APPOINTMENT_NOT_FOUND()
    await writeAudit(tx, { actor: { id: actor.id, role: actor.role }, action: 'callback.reveal', objectType: 'appointment', objectId: id, purpose, ipHash })
    return decryptPhone(deps, r.appointment)
  })
}
