// Booking queries only: schedules, slots, appointments, waitlist. No policy here (see domain/appointments).
import { and, asc, eq, gt, gte, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import {
  appointmentRatings, appointments, appointmentSlots, bookingClosures, bookingExtraSessions, bookingSchedules, bookingWaitlist, servicePoints,
  type AppointmentChannel, type AppointmentRow, type AppointmentSlotRow, type BookingClosureRow, type BookingExtraSessionRow,
  type BookingScheduleRow, type NewAppointmentSlotRow, type RatingRow, type ServicePoint, type WaitlistRow,
} from '../db/schema'
import { rowsOf } from './search-outbox'
import { rawQuery, type RawStatement } from '../db/raw'
import type { NewNotification } from './notifications'
import { shanghaiDayRange } from '../../shared/time/calendar'

export interface ScheduleInputs { rules: BookingScheduleRow[], closures: BookingClosureRow[], extras: BookingExtraSessionRow[] }

const pointIs = (col: typeof bookingSchedules.servicePointId | typeof bookingExtraSessions.servicePointId, id: string | null) =>
  id === null ? isNull(col) : eq(col, id)

/** The rules, closures and extra sessions that shape one (point, channel)'s slots between two days. */
export async function scheduleInputs(db: DbOrTx, f: { channel: AppointmentChannel, servicePointId: string | null, fromDay: string, toDay: string }): Promise<ScheduleInputs> {
  const [rules, closures, extras] = await Promise.all([
    db.select().from(bookingSchedules).where(and(eq(bookingSchedules.channel, f.channel), pointIs(bookingSchedules.servicePointId, f.servicePointId))),
    db.select().from(bookingClosures).where(and(
      gte(bookingClosures.day, f.fromDay), sql`${bookingClosures.day} <= ${f.toDay}`,
      or(isNull(bookingClosures.channel), eq(bookingClosures.channel, f.channel)),
      f.servicePointId === null ? isNull(bookingClosures.servicePointId) : or(isNull(bookingClosures.servicePointId), eq(bookingClosures.servicePointId, f.servicePointId)),
    )),
    db.select().from(bookingExtraSessions).where(and(
      eq(bookingExtraSessions.channel, f.channel), pointIs(bookingExtraSessions.servicePointId, f.servicePointId),
      gte(bookingExtraSessions.day, f.fromDay), sql`${bookingExtraSessions.day} <= ${f.toDay}`,
    )),
  ])
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

const LOCKS: RawStatement[] = [1, 2, 3, 4].map(n => ({
  name: `booking_advisory_locks_${n}`,
  text: `select ${Array.from({ length: n }, (_, i) => `pg_advisory_xact_lock(hashtextextended($${i + 1}, 0))`).join(', ')}`,
}))

/**
 * The same locks as advisoryLocks in one round trip (a target list is evaluated left to right).
 * Like bookingContext and takePlaceAndInsert it is a fixed statement sent before this returns
 * (server/db/raw.ts), so statements issued one after the other travel together (server/db/pipeline.ts).
 */
export async function advisoryLocksInOneStatement(tx: DbOrTx, keys: string[]): Promise<void> {
  if (!keys.length) return
  const statement = LOCKS[keys.length - 1]
  if (!statement) return advisoryLocks(tx, keys)
  await rawQuery(tx, statement, keys)
}

/** The slot fields booking decides on and shows (not its bookkeeping columns). */
export type BookingSlot = Pick<AppointmentSlotRow, 'id' | 'channel' | 'servicePointId' | 'startsAt' | 'endsAt' | 'capacity' | 'booked' | 'withdrawnAt'>
/** The service point fields a confirmation shows. */
export type BookingPoint = Pick<ServicePoint, 'id' | 'name' | 'address' | 'phone' | 'openingHours'>

export interface BookingContext {
  slot: BookingSlot
  point: BookingPoint | null
  /** The booking made earlier with the same Idempotency-Key (hashed), if any. */
  earlierId: string | null
  /** Slot days of the phone's active bookings (booked or held, not begun): one entry per booking. */
  phoneDays: string[]
  /** Public bookings from the (hashed) client address since `since`, cancelled ones included. */
  fromAddress: number
}

const BOOKING_CONTEXT: RawStatement = {
  name: 'booking_context',
  text: `select s.id, s.channel, s.service_point_id as "servicePointId", s.starts_at as "startsAt", s.ends_at as "endsAt",
      s.capacity, s.booked, s.withdrawn_at as "withdrawnAt",
      p.name as "pointName", p.address as "pointAddress", p.phone as "pointPhone", p.opening_hours as "pointHours",
      (select e.id from appointments e where e.idempotency_key = $2) as "earlierId",
      (select string_agg(a.slot_day::text, ',') from appointments a join appointment_slots s2 on s2.id = a.slot_id
        where a.phone_hash = $3 and a.status in ('booked','held') and s2.starts_at > $4) as "phoneDays",
      (select count(*)::int from appointments f where f.ip_hash = $5 and f.created_at >= $6 and f.booked_by is null) as "fromAddress"
    from appointment_slots s left join service_points p on p.id = s.service_point_id
    where s.id = $1
    for update of s`,
}

interface BookingContextRow extends BookingSlot {
  pointName: string | null, pointAddress: string | null, pointPhone: string | null, pointHours: Record<string, string> | null
  earlierId: string | null, phoneDays: string | null, fromAddress: number | null
}

/**
 * Everything booking needs to decide, in one round trip: the slot and its service point, the earlier
 * booking with the same Idempotency-Key, the phone's active bookings and the address's recent ones.
 * The slot row is locked (FOR UPDATE), so its counter is current. Undefined when the slot does not exist.
 * Only the columns booking uses travel back. A null key or address matches nothing.
 */
export async function bookingContext(db: DbOrTx, q: { slotId: string, idempotencyKey: string | null, phoneHash: string, ipHash: string | null, since: Date, now: Date }): Promise<BookingContext | undefined> {
  const [r] = await rawQuery<BookingContextRow>(db, BOOKING_CONTEXT, [q.slotId, q.idempotencyKey, q.phoneHash, q.now, q.ipHash, q.since])
  if (!r) return undefined
  const { pointName, pointAddress, pointPhone, pointHours, earlierId, phoneDays, fromAddress, ...slot } = r
  return {
    slot,
    point: slot.servicePointId && pointName !== null ? { id: slot.servicePointId, name: pointName, address: pointAddress!, phone: pointPhone!, openingHours: pointHours! } : null,
    earlierId: earlierId ?? null,
    phoneDays: phoneDays ? phoneDays.split(',') : [],
    fromAddress: Number(fromAddress ?? 0),
  }
}

/**
 * Takes a place and inserts the booking (and its first text) in one statement: the slot's counter
 * goes up only while booked < capacity and the slot is offered and in the future; the booking gets
 * the lowest place number not held by an active booking; the text joins the outbox. Call with the
 * slot row already locked (bookingContext with lock): this statement's snapshot then sees every
 * booking committed before it. When the counter cannot go up, no place number exists and the insert
 * fails (NOT NULL), so the counter and the bookings never disagree.
 */
export async function takePlaceAndInsert(tx: DbOrTx, a: NewBooking, now: Date, text: NewNotification): Promise<AppointmentRow> {
  // Only what the database chose travels back; the rest is what was written.
  const [r] = await rawQuery<{ slotNo: number, createdAt: Date, updatedAt: Date }>(tx, TAKE_PLACE_AND_INSERT, [
    a.slotId, now, text.kind, text.appointmentId, text.dedupeKey, text.bodyEnc, text.dueAt,
    a.id, a.reference, a.slotDay, a.channel, a.name, a.phoneEnc, a.phoneHash, a.phoneMasked, a.topic, a.note, a.status,
    a.manageTokenHash, a.manageTokenEnc, a.idempotencyKey, a.requestHash, a.ipHash, a.bookedBy, a.callId,
  ])
  const { slotNo, createdAt, updatedAt } = r!
  return {
    ...a, slotNo, createdAt, updatedAt,
    phoneAad: null, heldUntil: null, cancelledAt: null, checkedInAt: null, completedAt: null, completedBy: null, reminderQueuedAt: null,
  }
}

const TAKE_PLACE_AND_INSERT: RawStatement = {
  name: 'booking_take_place_and_insert',
  text: `with taken as (
      update appointment_slots set booked = booked + 1, updated_at = $2
      where id = $1 and booked < capacity and withdrawn_at is null and starts_at > $2 returning capacity),
    note as (
      insert into notification_outbox (kind, appointment_id, dedupe_key, body_enc, due_at) values ($3, $4, $5, $6, $7)
      on conflict (dedupe_key) do nothing)
    insert into appointments (id, reference, slot_id, slot_no, slot_day, channel, name, phone_enc, phone_hash, phone_masked, topic, note, status,
      manage_token_hash, manage_token_enc, idempotency_key, request_hash, ip_hash, booked_by, call_id)
    values ($8, $9, $1, (select min(g.n) from taken cross join lateral generate_series(1, taken.capacity) as g(n)
        where not exists (select 1 from appointments b where b.slot_id = $1 and b.slot_no = g.n and b.status <> 'cancelled')),
      $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25)
    returning slot_no as "slotNo", created_at as "createdAt", updated_at as "updatedAt"`,
}

/** A new booking as takePlaceAndInsert writes it (its place number is chosen there). */
export type NewBooking = Omit<AppointmentRow, 'slotNo' | 'phoneAad' | 'heldUntil' | 'cancelledAt' | 'checkedInAt' | 'completedAt' | 'completedBy' | 'reminderQueuedAt' | 'createdAt' | 'updatedAt'>

/** The place number of a booking, read in the statement that uses it (the audit row of a booking). */
export function placeNumberOf(id: string): SQL {
  return sql`(select slot_no from appointments where id = ${id})`
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
  const [rules, closures, extras] = await Promise.all([
    db.select().from(bookingSchedules).where(pf(bookingSchedules.servicePointId)).orderBy(asc(bookingSchedules.channel), asc(bookingSchedules.startTime)),
    db.select().from(bookingClosures).where(pf(bookingClosures.servicePointId)).orderBy(asc(bookingClosures.day)),
    db.select().from(bookingExtraSessions).where(pf(bookingExtraSessions.servicePointId)).orderBy(asc(bookingExtraSessions.day)),
  ])
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
