// Booking queries only: schedules, slots, appointments, waitlist. No policy here (see domain/appointments).
import { and, asc, eq, gt, gte, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import {
  appointmentRatings, appointments, appointmentSlots, bookingClosures, bookingExtraSessions, bookingSchedules, bookingWaitlist, servicePoints,
  type AppointmentChannel, type AppointmentRow, type AppointmentSlotRow, type BookingClosureRow, type BookingExtraSessionRow,
  type BookingScheduleRow, type NewAppointmentSlotRow, type RatingRow, type ServicePoint, type WaitlistRow,
} from '../db/schema'
import { rowsOf } from './search-outbox'
import { rawQuery, type RawStatement } from '../db/raw'
import type { NewNotification } from './notifications'
import type { AuditLinkParts } from './audit'
import { shanghaiDayRange } from '../../shared/time/calendar'

export interface ScheduleInputs { rules: BookingScheduleRow[], closures: BookingClosureRow[], extras: BookingExtraSessionRow[] }

const pointIs = (col: typeof bookingSchedules.servicePointId | typeof bookingExtraSessions.servicePointId, id: string | null) =>
  id === null ? isNull(col) : eq(col, id)

/** The rules, closures and extra sessions that shape one (point, channel)'s slots between two days. */
export async function scheduleInputs(db: DbOrTx, f: { channel: AppointmentChannel, servicePointId: string | null, fromDay: string, toDay: string }): Promise<ScheduleInputs> {
  // In turn, not Promise.all: reconcileSlots reads these inside its transaction (one connection), where
  // overlapping queries only queue and pg warns that it will refuse them.
  const rules = await db.select().from(bookingSchedules).where(and(eq(bookingSchedules.channel, f.channel), pointIs(bookingSchedules.servicePointId, f.servicePointId)))
  const closures = await db.select().from(bookingClosures).where(and(
    gte(bookingClosures.day, f.fromDay), sql`${bookingClosures.day} <= ${f.toDay}`,
    or(isNull(bookingClosures.channel), eq(bookingClosures.channel, f.channel)),
    f.servicePointId === null ? isNull(bookingClosures.servicePointId) : or(isNull(bookingClosures.servicePointId), eq(bookingClosures.servicePointId, f.servicePointId)),
  ))
  const extras = await db.select().from(bookingExtraSessions).where(and(
    eq(bookingExtraSessions.channel, f.channel), pointIs(bookingExtraSessions.servicePointId, f.servicePointId),
    gte(bookingExtraSessions.day, f.fromDay), sql`${bookingExtraSessions.day} <= ${f.toDay}`,
  ))
  return { rules, closures, extras }
}

/** Every (point, channel) pair that has a weekly rule or an extra session. */
export async function scheduledPairs(db: DbOrTx): Promise<Array<{ servicePointId: string | null, channel: AppointmentChannel }>> {
  const res = await db.execute(sql`
    select distinct service_point_id, channel from booking_schedules
    union select distinct service_point_id, channel from booking_extra_sessions`)
  return rowsOf<{ service_point_id: string | null, channel: AppointmentChannel }>(res).map(r => ({ servicePointId: r.service_point_id, channel: r.channel }))
}

export async function insertSlotsIfAbsent(db: DbOrTx, rows: NewAppointmentSlotRow[]): Promise<number> {
  let added = 0
  for (let i = 0; i < rows.length; i += 500) {
    const r = await db.insert(appointmentSlots).values(rows.slice(i, i + 500)).onConflictDoNothing().returning({ id: appointmentSlots.id })
    added += r.length
  }
  return added
}

/** Slots of one (point, channel) starting in [from, to), withdrawn ones included. */
export async function slotsOf(db: DbOrTx, f: { channel: AppointmentChannel, servicePointId: string | null, from: Date, to: Date }): Promise<AppointmentSlotRow[]> {
  return db.select().from(appointmentSlots).where(and(
    eq(appointmentSlots.channel, f.channel),
    f.servicePointId === null ? isNull(appointmentSlots.servicePointId) : eq(appointmentSlots.servicePointId, f.servicePointId),
    gte(appointmentSlots.startsAt, f.from), lt(appointmentSlots.startsAt, f.to),
  )).orderBy(asc(appointmentSlots.startsAt))
}

export async function setSlotsWithdrawn(tx: DbOrTx, ids: string[], at: Date | null): Promise<void> {
  if (!ids.length) return
  await tx.update(appointmentSlots).set({ withdrawnAt: at, updatedAt: new Date() }).where(inArray(appointmentSlots.id, ids))
}

/** A new capacity, never below the places already taken (the CHECK would refuse it). */
export async function setSlotCapacity(tx: DbOrTx, id: string, capacity: number): Promise<void> {
  await tx.update(appointmentSlots).set({ capacity: sql`greatest(${capacity}, ${appointmentSlots.booked})`, updatedAt: new Date() }).where(eq(appointmentSlots.id, id))
}

export async function findSlot(db: DbOrTx, id: string): Promise<AppointmentSlotRow | undefined> {
  const [s] = await db.select().from(appointmentSlots).where(eq(appointmentSlots.id, id))
  return s
}

/** Locks slot rows in id order (so two transactions touching the same two slots cannot deadlock). */
export async function lockSlots(tx: DbOrTx, ids: string[]): Promise<AppointmentSlotRow[]> {
  return tx.select().from(appointmentSlots).where(inArray(appointmentSlots.id, ids)).orderBy(asc(appointmentSlots.id)).for('update')
}

/**
 * Takes one place: booked + 1 only while booked < capacity, the slot is offered and has not begun.
 * The UPDATE takes the row lock, so concurrent bookings of one slot queue here; false when full.
 */
export async function takePlace(tx: DbOrTx, slotId: string, now: Date): Promise<boolean> {
  const r = await tx.update(appointmentSlots).set({ booked: sql`${appointmentSlots.booked} + 1` })
    .where(and(eq(appointmentSlots.id, slotId), sql`${appointmentSlots.booked} < ${appointmentSlots.capacity}`, isNull(appointmentSlots.withdrawnAt), gt(appointmentSlots.startsAt, now)))
    .returning({ id: appointmentSlots.id })
  return r.length === 1
}

export async function releasePlace(tx: DbOrTx, slotId: string): Promise<void> {
  await tx.update(appointmentSlots).set({ booked: sql`${appointmentSlots.booked} - 1` }).where(eq(appointmentSlots.id, slotId))
}

/** The lowest place number not held by an active booking (call after takePlace, under its lock). */
export async function lowestFreePlace(tx: DbOrTx, slotId: string): Promise<number> {
  const res = await tx.execute(sql`
    select g.n from appointment_slots s cross join lateral generate_series(1, s.capacity) as g(n)
    where s.id = ${slotId}
      and not exists (select 1 from appointments b where b.slot_id = s.id and b.slot_no = g.n and b.status <> 'cancelled')
    order by g.n limit 1`)
  const [row] = rowsOf<{ n: number }>(res)
  if (!row) throw new Error('no free place number after takePlace')
  return Number(row.n)
}

/** Transaction-scoped advisory locks, taken in the order given. */
export async function advisoryLocks(tx: DbOrTx, keys: string[]): Promise<void> {
  for (const k of keys) await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${k}, 0))`)
}

/** The slot fields booking decides on and shows (not its bookkeeping columns). */
export type BookingSlot = Pick<AppointmentSlotRow, 'id' | 'channel' | 'servicePointId' | 'startsAt' | 'endsAt' | 'capacity' | 'booked' | 'withdrawnAt'>
/** The service point fields a confirmation shows. */
export type BookingPoint = Pick<ServicePoint, 'id' | 'name' | 'address' | 'phone' | 'openingHours'>

/** A new booking as book_appointment writes it (its place number is chosen there). */
export type NewBooking = Omit<AppointmentRow, 'slotNo' | 'phoneAad' | 'heldUntil' | 'cancelledAt' | 'checkedInAt' | 'completedAt' | 'completedBy' | 'reminderQueuedAt' | 'createdAt' | 'updatedAt'>

/** What book_appointment needs besides the booking row (server/db/migrations/0019_create_booking_function.sql). */
export interface BookCall {
  now: Date
  /** The channel the caller requires, or null for any. */
  channel: AppointmentChannel | null
  /** Advisory lock keys, taken in this order (null: none, e.g. PGlite runs one transaction at a time). */
  locks: string[] | null
  /** The address whose hourly limit applies (null: not limited) and its window. */
  limitIp: string | null
  since: Date
  perAddress: number
  perPhone: number
  /** The slot facts the text and slot day were written with (null: not known yet → 'stale'). */
  seen: { channel: AppointmentChannel, startsAt: Date, endsAt: Date, pointName: string | null, slotDay: string } | null
  row: NewBooking
  /** The confirmation text (null only with `seen` null: nothing is written then). */
  text: Pick<NewNotification, 'kind' | 'dedupeKey' | 'bodyEnc'> | null
  audit: AuditLinkParts
}

export type BookStatus = 'ok' | 'replay' | 'stale' | 'SLOT_NOT_FOUND' | 'SLOT_CLOSED' | 'TOO_MANY_BOOKINGS_ADDRESS' | 'PHONE_ALREADY_BOOKED' | 'TOO_MANY_BOOKINGS_PHONE' | 'SLOT_FULL'

export interface BookAnswer {
  status: BookStatus
  /** 'ok': the place taken and the row's creation instant. */
  slotNo: number | null
  createdAt: Date | null
  /** 'replay': the booking made earlier with the same Idempotency-Key. */
  earlierId: string | null
  /** The slot as it is now (null for 'replay' and an unknown slot), with its service point. */
  slot: BookingSlot | null
  point: BookingPoint | null
}

const BOOK: RawStatement = {
  name: 'book_appointment',
  text: `select r_status as status, r_slot_no as "slotNo", r_created_at as "createdAt", r_earlier_id as "earlierId",
      r_channel as channel, r_point_id as "servicePointId", r_starts_at as "startsAt", r_ends_at as "endsAt",
      r_capacity as capacity, r_booked as booked, r_withdrawn_at as "withdrawnAt",
      r_point_name as "pointName", r_point_address as "pointAddress", r_point_phone as "pointPhone", r_point_hours as "pointHours"
    from book_appointment(${Array.from({ length: 36 }, (_, i) => `$${i + 1}`).join(', ')})`,
}

interface BookRow extends Omit<BookingSlot, 'id'> {
  status: BookStatus, slotNo: number | null, createdAt: Date | null, earlierId: string | null
  pointName: string | null, pointAddress: string | null, pointPhone: string | null, pointHours: Record<string, string> | null
}

/**
 * One booking attempt in one statement (one round trip): locks, idempotency, the slot row, the
 * hoarding limits, the place, the booking, its text and its audit row — book_appointment, migration
 * 0019. Given a database handle it is its own transaction; given a transaction, it joins it.
 */
export async function bookInOneStatement(db: DbOrTx, c: BookCall): Promise<BookAnswer> {
  const a = c.row
  const [r] = await rawQuery<BookRow>(db, BOOK, [
    a.slotId, c.now, c.channel, c.locks,
    a.idempotencyKey, a.phoneHash, c.limitIp, c.since, c.perAddress, c.perPhone,
    c.seen?.channel ?? null, c.seen?.startsAt ?? null, c.seen?.endsAt ?? null, c.seen?.pointName ?? null, c.seen?.slotDay ?? null,
    a.id, a.reference, a.name, a.phoneEnc, a.phoneMasked, a.topic, a.note,
    a.manageTokenHash, a.manageTokenEnc, a.requestHash, a.ipHash, a.bookedBy, a.callId,
    c.text?.kind ?? null, c.text?.dedupeKey ?? null, c.text?.bodyEnc ?? null,
    c.audit.fields, c.audit.knownJson, c.audit.detailPrefix, c.audit.detailSuffix ?? '', c.audit.detailJson ?? '{}',
  ])
  const { status, slotNo, createdAt, earlierId, pointName, pointAddress, pointPhone, pointHours, ...slot } = r!
  const known = slot.channel !== null
  return {
    status, slotNo, createdAt, earlierId,
    slot: known ? { ...slot, id: a.slotId } : null,
    point: known && slot.servicePointId && pointName !== null ? { id: slot.servicePointId, name: pointName, address: pointAddress!, phone: pointPhone!, openingHours: pointHours! } : null,
  }
}

export interface PhoneLoad { sameDay: number, active: number }

/** Active bookings (booked or held, not begun) of one phone: on a given day and in all. */
export async function phoneLoad(db: DbOrTx, phoneHash: string, day: string, now: Date, exceptId?: string): Promise<PhoneLoad> {
  const res = await db.execute(sql`
    select count(*) filter (where a.slot_day = ${day})::int as same_day, count(*)::int as active
    from appointments a join appointment_slots s on s.id = a.slot_id
    where a.phone_hash = ${phoneHash} and a.status in ('booked','held') and s.starts_at > ${now}
      ${exceptId ? sql`and a.id <> ${exceptId}` : sql``}`)
  const [r] = rowsOf<{ same_day: number, active: number }>(res)
  return { sameDay: Number(r?.same_day ?? 0), active: Number(r?.active ?? 0) }
}

/** Bookings made from one (hashed) client address since a moment, cancelled ones included. */
export async function bookingsFromAddress(db: DbOrTx, ipHash: string, since: Date): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(appointments)
    .where(and(eq(appointments.ipHash, ipHash), gte(appointments.createdAt, since), isNull(appointments.bookedBy)))
  return Number(r?.n ?? 0)
}

export type NewAppointment = typeof appointments.$inferInsert

export async function insertAppointment(tx: DbOrTx, a: NewAppointment): Promise<AppointmentRow> {
  const [r] = await tx.insert(appointments).values(a).returning()
  return r!
}

export async function findByIdempotencyKey(db: DbOrTx, key: string): Promise<AppointmentRow | undefined> {
  const [r] = await db.select().from(appointments).where(eq(appointments.idempotencyKey, key))
  return r
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

export async function findByManageToken(db: DbOrTx, tokenHash: string): Promise<AppointmentWithSlot | undefined> {
  const [r] = await withSlot(db).where(eq(appointments.manageTokenHash, tokenHash)).limit(1)
  return r
}

/** Locks the appointment row (status changes, reschedule) and returns it. */
export async function lockAppointment(tx: DbOrTx, id: string): Promise<AppointmentRow | undefined> {
  const [r] = await tx.select().from(appointments).where(eq(appointments.id, id)).for('update')
  return r
}

export async function updateAppointment(tx: DbOrTx, id: string, set: Partial<NewAppointment>): Promise<AppointmentRow> {
  const [r] = await tx.update(appointments).set({ ...set, updatedAt: new Date() }).where(eq(appointments.id, id)).returning()
  return r!
}

export async function findServicePoint(db: DbOrTx, id: string): Promise<ServicePoint | undefined> {
  const [p] = await db.select().from(servicePoints).where(eq(servicePoints.id, id))
  return p
}

/** Appointments (not cancelled) whose slot starts in [from, to), in slot and place order. */
export async function listAppointmentsBetween(db: DbOrTx, from: Date, to: Date, f: { channel?: AppointmentChannel, servicePointId?: string } = {}): Promise<AppointmentWithSlot[]> {
  return withSlot(db)
    .where(and(
      gte(appointmentSlots.startsAt, from), lt(appointmentSlots.startsAt, to), ne(appointments.status, 'cancelled'),
      f.channel ? eq(appointmentSlots.channel, f.channel) : undefined,
      f.servicePointId ? eq(appointmentSlots.servicePointId, f.servicePointId) : undefined,
    ))
    .orderBy(asc(appointmentSlots.startsAt), asc(servicePoints.code), asc(appointments.slotNo))
}

/** Held places whose time to confirm has run out. */
export async function expiredHolds(db: DbOrTx, now: Date, limit = 50): Promise<AppointmentRow[]> {
  return db.select().from(appointments).where(and(eq(appointments.status, 'held'), lt(appointments.heldUntil, now))).limit(limit)
}

/** The oldest waiting entry for a channel/point/day, locked (SKIP LOCKED: two freed places pick two people). */
export async function nextWaiting(tx: DbOrTx, f: { channel: AppointmentChannel, servicePointId: string | null, day: string }): Promise<WaitlistRow | undefined> {
  const [r] = await tx.select().from(bookingWaitlist).where(and(
    eq(bookingWaitlist.channel, f.channel), eq(bookingWaitlist.day, f.day), eq(bookingWaitlist.status, 'waiting'),
    f.servicePointId === null ? isNull(bookingWaitlist.servicePointId) : eq(bookingWaitlist.servicePointId, f.servicePointId),
  )).orderBy(asc(bookingWaitlist.createdAt), asc(bookingWaitlist.id)).limit(1).for('update', { skipLocked: true })
  return r
}

export async function insertWaitlist(tx: DbOrTx, row: typeof bookingWaitlist.$inferInsert): Promise<WaitlistRow> {
  const [r] = await tx.insert(bookingWaitlist).values(row).returning()
  return r!
}

export async function updateWaitlist(tx: DbOrTx, id: string, set: Partial<typeof bookingWaitlist.$inferInsert>): Promise<void> {
  await tx.update(bookingWaitlist).set({ ...set, updatedAt: new Date() }).where(eq(bookingWaitlist.id, id))
}

export async function waitlistByAppointment(db: DbOrTx, appointmentId: string): Promise<WaitlistRow | undefined> {
  const [r] = await db.select().from(bookingWaitlist).where(eq(bookingWaitlist.appointmentId, appointmentId))
  return r
}

/** The earliest offered slot of a (channel, point, day) with a free place. */
export async function firstFreeSlot(db: DbOrTx, f: { channel: AppointmentChannel, servicePointId: string | null, day: string }, now: Date): Promise<AppointmentSlotRow | undefined> {
  const { start, end } = shanghaiDayRange(f.day)
  const [s] = await db.select().from(appointmentSlots).where(and(
    eq(appointmentSlots.channel, f.channel),
    f.servicePointId === null ? isNull(appointmentSlots.servicePointId) : eq(appointmentSlots.servicePointId, f.servicePointId),
    gte(appointmentSlots.startsAt, start), lt(appointmentSlots.startsAt, end), gt(appointmentSlots.startsAt, now),
    isNull(appointmentSlots.withdrawnAt), sql`${appointmentSlots.booked} < ${appointmentSlots.capacity}`,
  )).orderBy(asc(appointmentSlots.startsAt)).limit(1)
  return s
}

/** (channel, point, day) of people waiting for a day that has not passed. */
export async function waitingScopes(db: DbOrTx, fromDay: string): Promise<Array<{ channel: AppointmentChannel, servicePointId: string | null, day: string }>> {
  const res = await db.execute(sql`select distinct channel, service_point_id, day::text as day from booking_waitlist where status = 'waiting' and day >= ${fromDay}`)
  return rowsOf<{ channel: AppointmentChannel, service_point_id: string | null, day: string }>(res).map(r => ({ channel: r.channel, servicePointId: r.service_point_id, day: r.day }))
}

/** Open, offered slots of a channel (optionally one point) starting in (from, to), earliest first. */
export async function openSlotsBetween(db: DbOrTx, f: { channel: AppointmentChannel, servicePointId?: string | null, from: Date, to: Date, limit?: number }): Promise<AppointmentSlotRow[]> {
  const q = db.select().from(appointmentSlots).where(and(
    eq(appointmentSlots.channel, f.channel),
    f.servicePointId === undefined ? undefined : f.servicePointId === null ? isNull(appointmentSlots.servicePointId) : eq(appointmentSlots.servicePointId, f.servicePointId),
    gt(appointmentSlots.startsAt, f.from), lt(appointmentSlots.startsAt, f.to),
    isNull(appointmentSlots.withdrawnAt), sql`${appointmentSlots.booked} < ${appointmentSlots.capacity}`,
  )).orderBy(asc(appointmentSlots.startsAt))
  return f.limit ? q.limit(f.limit) : q
}

export async function insertRating(tx: DbOrTx, row: { appointmentId: string, tokenHash: string }): Promise<boolean> {
  const r = await tx.insert(appointmentRatings).values(row).onConflictDoNothing().returning({ id: appointmentRatings.id })
  return r.length === 1
}

export async function findRatingByToken(db: DbOrTx, tokenHash: string): Promise<(RatingRow & { reference: string, channel: AppointmentChannel, startsAt: Date }) | undefined> {
  const [r] = await db.select({ rating: appointmentRatings, reference: appointments.reference, channel: appointments.channel, startsAt: appointmentSlots.startsAt })
    .from(appointmentRatings)
    .innerJoin(appointments, eq(appointments.id, appointmentRatings.appointmentId))
    .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointments.slotId))
    .where(eq(appointmentRatings.tokenHash, tokenHash))
  return r ? { ...r.rating, reference: r.reference, channel: r.channel, startsAt: r.startsAt } : undefined
}

/** Sets the score once: undefined when it was already given. */
export async function giveRating(tx: DbOrTx, id: string, score: number, comment: string | null, at: Date): Promise<RatingRow | undefined> {
  const [r] = await tx.update(appointmentRatings).set({ score, comment, ratedAt: at, updatedAt: at })
    .where(and(eq(appointmentRatings.id, id), isNull(appointmentRatings.ratedAt))).returning()
  return r
}

/** Ratings given in [from, to): how many, how many 4 or 5; optionally of one channel. */
export async function ratingFigures(db: DbOrTx, from: Date, to: Date, channel?: AppointmentChannel): Promise<{ responses: number, satisfied: number }> {
  const res = await db.execute(sql`
    select count(*)::int as responses, count(*) filter (where r.score >= 4)::int as satisfied
    from appointment_ratings r join appointments a on a.id = r.appointment_id
    where r.rated_at >= ${from} and r.rated_at < ${to} ${channel ? sql`and a.channel = ${channel}` : sql``}`)
  const [r] = rowsOf<{ responses: number, satisfied: number }>(res)
  return { responses: Number(r?.responses ?? 0), satisfied: Number(r?.satisfied ?? 0) }
}

/** 1-based place in the queue of a waiting entry (0 when it no longer waits). */
export async function waitlistPosition(db: DbOrTx, id: string): Promise<number> {
  const res = await db.execute(sql`
    select case when w.status <> 'waiting' then 0 else (
      select count(*)::int from booking_waitlist o
      where o.channel = w.channel and o.day = w.day and o.status = 'waiting'
        and coalesce(o.service_point_id::text, '') = coalesce(w.service_point_id::text, '')
        and (o.created_at, o.id) <= (w.created_at, w.id)) end as pos
    from booking_waitlist w where w.id = ${id}`)
  return Number(rowsOf<{ pos: number }>(res)[0]?.pos ?? 0)
}

export async function listScheduleRows(db: DbOrTx, servicePointId?: string | null): Promise<ScheduleInputs> {
  const pf = <T extends typeof bookingSchedules.servicePointId | typeof bookingClosures.servicePointId | typeof bookingExtraSessions.servicePointId>(c: T) =>
    servicePointId === undefined ? undefined : servicePointId === null ? isNull(c) : eq(c, servicePointId)
  // In turn, not Promise.all: the schedule admin reads these inside its transaction (one connection).
  const rules = await db.select().from(bookingSchedules).where(pf(bookingSchedules.servicePointId)).orderBy(asc(bookingSchedules.channel), asc(bookingSchedules.startTime))
  const closures = await db.select().from(bookingClosures).where(pf(bookingClosures.servicePointId)).orderBy(asc(bookingClosures.day))
  const extras = await db.select().from(bookingExtraSessions).where(pf(bookingExtraSessions.servicePointId)).orderBy(asc(bookingExtraSessions.day))
  return { rules, closures, extras }
}

export async function insertScheduleRule(tx: DbOrTx, row: typeof bookingSchedules.$inferInsert): Promise<BookingScheduleRow> {
  const [r] = await tx.insert(bookingSchedules).values(row).returning()
  return r!
}
export async function updateScheduleRule(tx: DbOrTx, id: string, row: Partial<typeof bookingSchedules.$inferInsert>): Promise<BookingScheduleRow | undefined> {
  const [r] = await tx.update(bookingSchedules).set({ ...row, updatedAt: new Date() }).where(eq(bookingSchedules.id, id)).returning()
  return r
}
export async function deleteScheduleRule(tx: DbOrTx, id: string): Promise<BookingScheduleRow | undefined> {
  const [r] = await tx.delete(bookingSchedules).where(eq(bookingSchedules.id, id)).returning()
  return r
}
export async function insertClosure(tx: DbOrTx, row: typeof bookingClosures.$inferInsert): Promise<BookingClosureRow> {
  const [r] = await tx.insert(bookingClosures).values(row).returning()
  return r!
}
export async function deleteClosure(tx: DbOrTx, id: string): Promise<BookingClosureRow | undefined> {
  const [r] = await tx.delete(bookingClosures).where(eq(bookingClosures.id, id)).returning()
  return r
}
export async function insertExtraSession(tx: DbOrTx, row: typeof bookingExtraSessions.$inferInsert): Promise<BookingExtraSessionRow> {
  const [r] = await tx.insert(bookingExtraSessions).values(row).returning()
  return r!
}
export async function deleteExtraSession(tx: DbOrTx, id: string): Promise<BookingExtraSessionRow | undefined> {
  const [r] = await tx.delete(bookingExtraSessions).where(eq(bookingExtraSessions.id, id)).returning()
  return r
}
