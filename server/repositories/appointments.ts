// Appointment queries only: slots, bookings. No policy here (see domain/appointments).
import { and, asc, eq, gt, gte, lt, ne, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import {
  appointments, appointmentSlots, servicePoints,
  type AppointmentChannel, type AppointmentRow, type AppointmentSlotRow, type NewAppointmentSlotRow, type ServicePoint,
} from '../db/schema'
import { rowsOf } from './search-outbox'

/** Locks the slot row until the transaction ends: bookings of one slot queue up behind it. */
export async function lockSlot(tx: DbOrTx, id: string): Promise<AppointmentSlotRow | undefined> {
  const [s] = await tx.select().from(appointmentSlots).where(eq(appointmentSlots.id, id)).for('update')
  return s
}

export interface NewAppointment {
  id: string, reference: string, slotId: string, name: string,
  phoneEnc: string, phoneHash: string, phoneMasked: string, topic: string, note: string | null
}

/**
 * Takes the lowest free place (1..capacity) of a slot in one INSERT ... SELECT. Returns the place
 * number, or undefined when every place is taken. Call it after lockSlot in the same transaction.
 */
export async function bookLowestFreePlace(tx: DbOrTx, a: NewAppointment): Promise<number | undefined> {
  const res = await tx.execute(sql`
    insert into appointments (id, reference, slot_id, name, phone_enc, phone_hash, phone_masked, topic, note, status, slot_no)
    select ${a.id}, ${a.reference}, s.id, ${a.name}, ${a.phoneEnc}, ${a.phoneHash}, ${a.phoneMasked}, ${a.topic}, ${a.note}, 'booked', g.n
    from appointment_slots s cross join lateral generate_series(1, s.capacity) as g(n)
    where s.id = ${a.slotId}
      and not exists (select 1 from appointments b where b.slot_id = s.id and b.slot_no = g.n and b.status <> 'cancelled')
    order by g.n
    limit 1
    returning slot_no`)
  const [row] = rowsOf<{ slot_no: number }>(res)
  return row ? Number(row.slot_no) : undefined
}

export interface SlotWithBooked { slot: AppointmentSlotRow, booked: number }

export async function listSlotsBetween(db: DbOrTx, from: Date, to: Date, f: { channel: AppointmentChannel, servicePointId?: string }): Promise<SlotWithBooked[]> {
  const rows = await db.select({ slot: appointmentSlots, booked: sql<number>`count(${appointments.id})::int` })
    .from(appointmentSlots)
    .leftJoin(appointments, and(eq(appointments.slotId, appointmentSlots.id), ne(appointments.status, 'cancelled')))
    .where(and(
      gt(appointmentSlots.startsAt, from), lt(appointmentSlots.startsAt, to),
      eq(appointmentSlots.channel, f.channel),
      f.servicePointId ? eq(appointmentSlots.servicePointId, f.servicePointId) : undefined,
    ))
    .groupBy(appointmentSlots.id)
    .orderBy(asc(appointmentSlots.startsAt))
  return rows.map(r => ({ slot: r.slot, booked: Number(r.booked) }))
}

export async function insertSlotsIfAbsent(db: DbOrTx, rows: NewAppointmentSlotRow[]): Promise<number> {
  if (!rows.length) return 0
  const r = await db.insert(appointmentSlots).values(rows).onConflictDoNothing().returning({ id: appointmentSlots.id })
  return r.length
}

export interface AppointmentWithSlot { appointment: AppointmentRow, slot: AppointmentSlotRow, point: ServicePoint | null }

function withSlot(db: DbOrTx) {
  return db.select({ appointment: appointments, slot: appointmentSlots, point: servicePoints }).from(appointments)
    .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointments.slotId))
    .leftJoin(servicePoints, eq(servicePoints.id, appointmentSlots.servicePointId))
}

export async function findById(db: DbOrTx, id: string): Promise<AppointmentWithSlot | undefined> {
  const [r] = await withSlot(db).where(eq(appointments.id, id)).limit(1)
  return r
}

export async function findByReference(db: DbOrTx, reference: string): Promise<AppointmentWithSlot | undefined> {
  const [r] = await withSlot(db).where(eq(appointments.reference, reference)).limit(1)
  return r
}

export async function findServicePoint(db: DbOrTx, id: string): Promise<ServicePoint | undefined> {
  const [p] = await db.select().from(servicePoints).where(eq(servicePoints.id, id))
  return p
}

/** booked → cancelled; undefined when it was no longer booked. */
export async function cancelAppointment(tx: DbOrTx, id: string, at: Date): Promise<AppointmentRow | undefined> {
  const [r] = await tx.update(appointments).set({ status: 'cancelled', cancelledAt: at, updatedAt: at })
    .where(and(eq(appointments.id, id), eq(appointments.status, 'booked'))).returning()
  return r
}

/** Appointments (any status but cancelled) whose slot starts in [from, to), in slot and place order. */
export async function listAppointmentsBetween(db: DbOrTx, from: Date, to: Date): Promise<AppointmentWithSlot[]> {
  return withSlot(db)
    .where(and(gte(appointmentSlots.startsAt, from), lt(appointmentSlots.startsAt, to), ne(appointments.status, 'cancelled')))
    .orderBy(asc(appointmentSlots.startsAt), asc(servicePoints.code), asc(appointments.slotNo))
}
