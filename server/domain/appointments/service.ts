/**
 * Public appointments (预约法律咨询): the slot picker, booking (lowest free place under a row lock,
 * like hotline callbacks), look-up and cancellation with reference + phone (rate-limited with the
 * legal-aid look-up counter), and the staff day list (masked, audited in the same transaction).
 */
import { randomUUID, timingSafeEqual } from 'node:crypto'
import type { Db } from '../../db/client'
import { writeAudit } from '../../repositories/audit'
import * as repo from '../../repositories/appointments'
import { countLookupAttempts, insertLookupAttempt } from '../../repositories/legal-aid'
import type { PersonalDataCrypto } from '../crypto/aead'
import { DomainError } from '../errors'
import { shanghaiDay, shanghaiDayRange } from '../hotline/rules'
import { LOOKUP_LIMIT, LOOKUP_WINDOW_MS } from '../legal-aid/service'
import * as rules from './rules'
import { maskName, maskPhone } from '../../../shared/domain/applications/mask'
import type { AppointmentProofBody, BookAppointmentBody, ListSlotsQuery } from '../../../shared/schemas/appointments'
import type { AppointmentDto, AppointmentSlotDto, StaffAppointmentItemDto } from '../../../shared/types/appointments'
import type { StaffRole } from '../../../shared/types/staff'

export interface AppointmentDeps { db: Db, crypto: PersonalDataCrypto, now: () => Date }
export interface AppointmentActor { id: string, role: StaffRole }

const phoneAad = (id: string) => `appointments:${id}:phone`

const SLOT_FULL = () => new DomainError('SLOT_FULL', 'conflict', '该时段已约满，请选择其他时间')
const SLOT_NOT_FOUND = () => new DomainError('SLOT_NOT_FOUND', 'bad_request', '找不到该预约时段，请刷新后重选')
const NOT_FOUND = () => new DomainError('APPOINTMENT_NOT_FOUND', 'not_found', '找不到该预约：请核对预约编号和预约时填写的电话号码')
const TOO_MANY = () => new DomainError('TOO_MANY_LOOKUPS', 'too_many', '查询失败次数过多，请 15 分钟后再试，或拨打 12348 查询')

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

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * Reference + phone prove the booking. A wrong reference and a wrong phone get the same answer;
 * failures count towards the same per-address / per-reference limit as the legal-aid status look-up.
 */
async function authenticate(deps: AppointmentDeps, proof: AppointmentProofBody, ipHash: string): Promise<repo.AppointmentWithSlot> {
  const now = deps.now()
  const since = new Date(now.getTime() - LOOKUP_WINDOW_MS)
  const referenceKey = deps.crypto.lookup(proof.reference, 'reference')
  const [byIp, byRef] = await Promise.all([
    countLookupAttempts(deps.db, since, { ipHash, failedOnly: true }),
    countLookupAttempts(deps.db, since, { referenceKey, failedOnly: true }),
  ])
  if (byIp >= LOOKUP_LIMIT || byRef >= LOOKUP_LIMIT) throw TOO_MANY()
  const row = await repo.findByReference(deps.db, proof.reference)
  const ok = row !== undefined && sameHash(row.appointment.phoneHash, deps.crypto.lookup(proof.phone, 'phone'))
  await insertLookupAttempt(deps.db, { ipHash, referenceKey, ok, at: now })
  if (!ok) throw NOT_FOUND()
  return row!
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
export async function staffDayList(deps: AppointmentDeps, actor: AppointmentActor, date: string | undefined, ipHash: string | null = null): Promise<StaffAppointmentItemDto[]> {
  const day = date ?? shanghaiDay(deps.now())
  const { from, to } = shanghaiDayRange(day)
  return deps.db.transaction(async (tx) => {
    const rows = await repo.listAppointmentsBetween(tx, from, to)
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
