/**
 * The waitlist of a full day: a person leaves name and phone for a (channel, point, day); when a
 * place frees up it is held for the oldest entry (manage.ts offerWaitingPlaces) with a time limit.
 */
import { randomUUID } from 'node:crypto'
import { pgErrorOf } from '../../db/client'
import { writeAudit } from '../../repositories/audit'
import * as repo from '../../repositories/appointments'
import { addDays, shanghaiDay } from '../../../shared/time/calendar'
import { type AppointmentDeps, inTransaction } from './booking'
import { bookingErrors as E } from './errors'
import { offerWaitingPlaces, waitlistPhoneAad } from './manage'
import { BOOKING_HORIZON_DAYS } from './schedule'
import { materialiseSlots } from './slots'
import { maskPhone } from '../../../shared/domain/applications/mask'
import type { JoinWaitlistBody } from '../../../shared/schemas/appointments'
import type { WaitlistEntryDto } from '../../../shared/types/appointments'

export async function joinWaitlist(deps: AppointmentDeps, body: JoinWaitlistBody): Promise<WaitlistEntryDto> {
  const ipHash = deps.ipHash ?? null
  const now = deps.now()
  const today = shanghaiDay(now)
  if (body.day < today || body.day > addDays(today, BOOKING_HORIZON_DAYS)) throw E.SLOT_CLOSED()
  const scope = { channel: body.channel, servicePointId: body.channel === 'walk_in' ? body.servicePointId ?? null : null, day: body.day }
  if (scope.channel === 'walk_in' && !scope.servicePointId) throw E.SERVICE_POINT_NOT_FOUND()
  await materialiseSlots(deps, { ...scope, fromDay: body.day, toDay: body.day })
  if (await repo.firstFreeSlot(deps.db, scope, now)) throw E.WAITLIST_NOT_NEEDED()
  const id = randomUUID()
  try {
    await inTransaction(deps.db, async (tx) => {
      await repo.insertWaitlist(tx, {
        id, ...scope, name: body.name, topic: body.topic,
        phoneEnc: deps.crypto.cipher.encrypt(body.phone, waitlistPhoneAad(id)),
        phoneHash: deps.crypto.lookup(body.phone, 'phone'), phoneMasked: maskPhone(body.phone),
      })
      await writeAudit(tx, { actor: null, action: 'appointment.waitlist_join', objectType: 'booking_waitlist', objectId: id, ipHash, detail: { channel: scope.channel, day: scope.day } })
    })
  } catch (e) {
    if (pgErrorOf(e)?.constraint === 'booking_waitlist_phone_day_key') throw E.WAITLIST_ALREADY()
    throw e
  }
  // A place may have freed up meanwhile.
  await offerWaitingPlaces(deps, scope)
  return { day: scope.day, channel: scope.channel, position: await repo.waitlistPosition(deps.db, id) }
}

/** The worker's sweep: offers free places to everyone still waiting (e.g. after an extra session was added). */
export async function sweepWaitlists(deps: AppointmentDeps): Promise<number> {
  let n = 0
  for (const scope of await repo.waitingScopes(deps.db, shanghaiDay(deps.now()))) n += (await offerWaitingPlaces(deps, scope)).length
  return n
}
