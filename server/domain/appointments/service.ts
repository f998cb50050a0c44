/**
 * Public appointments (预约法律咨询): the slot picker, booking (lowest free place under a row lock,
 * like hotline callbacks), look-up and cancellation with reference + phone (the platform's proof and
 * look-up limit), and the staff day list (masked, audited in the same transaction).
 */
import { randomUUID } from 'node:crypto'
import type { Db } from '../../db/client'
import { writeAudit } from '../../repositories/audit'
import * as repo from '../../repositories/appointments'
import type { PersonalDataCrypto } from '../crypto/aead'
import { DomainError } from '../errors'
import type { ActorRef } from '../platform/actor'
import { shanghaiDay, shanghaiDayRange } from '../../../shared/time/calendar'
import { proveByReferenceAndPhone } from '../platform/proof'
import * as rules from './rules'
import { maskName, maskPhone } from '../../../shared/domain/applications/mask'
import type { AppointmentProofBody, BookAppointmentBody, ListSlotsQuery } from '../../../shared/schemas/appointments'
import type { AppointmentDto, AppointmentSlotDto, StaffAppointmentItemDto } from '../../../shared/types/appointments'

export interface AppointmentDeps { db: Db, crypto: PersonalDataCrypto, now: () => Date }

const phoneAad = (id: string) => `appointments:${id}:phone`

const SLOT_FULL = () => new DomainError('SLOT_FULL')
const SLOT_NOT_FOUND = () => new DomainError('SLOT_NOT_FOUND')
const NOT_FOUND = () => new DomainError('APPOINTMENT_NOT_FOUND')

function toDto(r: repo.AppointmentWithSlot): AppointmentDto {
  return {
    reference: r.appointment.reference,
    status: r.appointment.status,
    channel: r.slot.channel,
    startsAt: r.slot.startsAt.toISOString(),
    endsAt: r.slot.endsAt.toISOString(),
    topic: r.appointment.topic,
    servicePoint: r.point
      ? { id: r.point.id, name: r.point.name, address: r.point.address, phone: r.point.phone, openingHours: r.point.openingHours }
      : null,
  }
}

export async function listSlots(deps: AppointmentDeps, q: ListSlotsQuery): Promise<AppointmentSlotDto[]> {
  const now = deps.now()
  const { from, to } = rules.slotHorizon(now)
  const rows = await repo.listSlotsBetween(deps.db, from, to, q)
  return rules.openSlots(rows, now).map(({ slot: s, free }) => ({
    id: s.id, channel: s.channel, servicePointId: s.servicePointId, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), capacity: s.capacity, free,
  }))
}

export async function bookAppointment(deps: AppointmentDeps, body: BookAppointmentBody, ipHash: string | null = null): Promise<AppointmentDto> {
  const now = deps.now()
  const { cipher, lookup } = deps.crypto
  const id = randomUUID()
  await deps.db.transaction(async (tx) => {
    const slot = await repo.lockSlot(tx, body.slotId)
    if (!slot) throw SLOT_NOT_FOUND()
    rules.assertSlotBookable(slot, now)
    const slotNo = await repo.bookLowestFreePlace(tx, {
      id,
      reference: rules.appointmentReference(now),
      slotId: slot.id,
      name: body.name,
      phoneEnc: cipher.encrypt(body.phone, phoneAad(id)),
      phoneHash: lookup(body.phone, 'phone'),
      phoneMasked: maskPhone(body.phone),
      topic: body.topic,
      note: body.note ?? null,
    })
    if (slotNo === undefined) throw SLOT_FULL()
    await writeAudit(tx, { actor: null, action: 'appointment.book', objectType: 'appointment', objectId: id, ipHash, detail: { slotId: slot.id, slotNo, channel: slot.channel } })
  })
  return toDto((await repo.findById(deps.db, id))!)
}

/** Reference + phone prove the booking (server/domain/platform/proof.ts, the platform's look-up limit). */
function authenticate(deps: AppointmentDeps, proof: AppointmentProofBody, ipHash: string): Promise<repo.AppointmentWithSlot> {
  return proveByReferenceAndPhone(deps, proof, ipHash, ref => repo.findByReference(deps.db, ref), row => row.appointment.phoneHash, NOT_FOUND)
}

export async function lookupAppointment(deps: AppointmentDeps, proof: AppointmentProofBody, ipHash: string): Promise<AppointmentDto> {
  return toDto(await authenticate(deps, proof, ipHash))
}

export async function cancelAppointment(deps: AppointmentDeps, proof: AppointmentProofBody, ipHash: string): Promise<AppointmentDto> {
  const found = await authenticate(deps, proof, ipHash)
  const now = deps.now()
  await deps.db.transaction(async (tx) => {
    rules.assertCancellable(found.appointment.status, found.slot.startsAt, now)
    const cancelled = await repo.cancelAppointment(tx, found.appointment.id, now)
    if (!cancelled) rules.assertCancellable('changed', found.slot.startsAt, now)
    await writeAudit(tx, { actor: null, action: 'appointment.cancel', objectType: 'appointment', objectId: found.appointment.id, ipHash, detail: { slotId: found.slot.id } })
  })
  return toDto((await repo.findById(deps.db, found.appointment.id))!)
}

/** One day's appointments (default today, Asia/Shanghai) for the service desks: masked, audited. */
export async function staffDayList(deps: AppointmentDeps, actor: ActorRef, date: string | undefined, ipHash: string | null = null): Promise<StaffAppointmentItemDto[]> {
  const day = date ?? shanghaiDay(deps.now())
  const { start, end } = shanghaiDayRange(day)
  return deps.db.transaction(async (tx) => {
    const rows = await repo.listAppointmentsBetween(tx, start, end)
    await writeAudit(tx, { actor, action: 'appointment.list', objectType: 'appointment', ipHash, detail: { date: day, count: rows.length } })
    return rows.map(r => ({
      id: r.appointment.id,
      reference: r.appointment.reference,
      channel: r.slot.channel,
      startsAt: r.slot.startsAt.toISOString(),
      endsAt: r.slot.endsAt.toISOString(),
      slotNo: r.appointment.slotNo,
      servicePointName: r.point?.name ?? null,
      nameMasked: maskName(r.appointment.name),
      phoneMasked: r.appointment.phoneMasked,
      topic: r.appointment.topic,
      status: r.appointment.status,
    }))
  })
}
