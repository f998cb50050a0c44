import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { CASE_CATEGORIES } from '../../../shared/domain/cases/taxonomy'
import { timestamps } from './_shared'
import { hotlineCalls } from './hotline'
import { servicePoints } from './service-points'
import { staffUsers } from './staff'

/** One booking model for the three platforms (三台融合): walk-in visit, online consultation, 12348 callback. */
export const APPOINTMENT_CHANNELS = ['walk_in', 'online', 'hotline_callback'] as const
export type AppointmentChannel = typeof APPOINTMENT_CHANNELS[number]
/**
 * booked → checked_in → completed, or no_show; cancelled frees the place. `held` is a place kept for
 * the next person on the waitlist until `held_until` (they confirm or it is released).
 */
export const APPOINTMENT_STATUSES = ['booked', 'held', 'checked_in', 'completed', 'no_show', 'cancelled'] as const
export type AppointmentStatus = typeof APPOINTMENT_STATUSES[number]

const inList = (values: readonly string[]) => sql.raw(values.map(v => `'${v.replace(/'/g, "''")}'`).join(','))
const HHMM = sql.raw(`'^([01][0-9]|2[0-3]):[0-5][0-9]$'`)

/**
 * Weekly opening rules per service point and channel (the schedule slots are computed from):
 * on each ISO weekday in `weekdays`, slots of `slot_minutes` from `start_time` to `end_time`
 * (Asia/Shanghai wall-clock), `capacity` places each. Public holidays close every rule; a 调休
 * make-up working day follows the Monday rules (see domain/appointments/schedule.ts).
 */
export const bookingSchedules = pgTable('booking_schedules', {
  id: uuid().primaryKey().defaultRandom(),
  servicePointId: uuid().references(() => servicePoints.id),
  channel: text().$type<AppointmentChannel>().notNull(),
  weekdays: integer().array().notNull(),
  startTime: text().notNull(),
  endTime: text().notNull(),
  slotMinutes: integer().notNull(),
  capacity: integer().notNull(),
  validFrom: date({ mode: 'string' }),
  validTo: date({ mode: 'string' }),
  isDemo: boolean().notNull().default(false),
  ...timestamps,
}, t => [
  index('booking_schedules_point_idx').on(t.servicePointId, t.channel),
  check('booking_schedules_channel_check', sql`${t.channel} in (${inList(APPOINTMENT_CHANNELS)})`),
  check('booking_schedules_point_check', sql`${t.channel} <> 'walk_in' or ${t.servicePointId} is not null`),
  check('booking_schedules_weekdays_check', sql`cardinality(${t.weekdays}) between 1 and 7 and ${t.weekdays} <@ array[1,2,3,4,5,6,7]`),
  check('booking_schedules_time_check', sql`${t.startTime} ~ ${HHMM} and ${t.endTime} ~ ${HHMM} and ${t.endTime} > ${t.startTime}`),
  check('booking_schedules_slot_check', sql`${t.slotMinutes} between 5 and 480`),
  check('booking_schedules_capacity_check', sql`${t.capacity} between 1 and 500`),
  check('booking_schedules_valid_check', sql`${t.validFrom} is null or ${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
])

/** A day on which a point (or every point: NULL) is closed for a channel (or every channel: NULL). */
export const bookingClosures = pgTable('booking_closures', {
  id: uuid().primaryKey().defaultRandom(),
  servicePointId: uuid().references(() => servicePoints.id),
  channel: text().$type<AppointmentChannel>(),
  day: date({ mode: 'string' }).notNull(),
  reason: text().notNull(),
  ...timestamps,
}, t => [
  index('booking_closures_day_idx').on(t.day),
  check('booking_closures_channel_check', sql`${t.channel} is null or ${t.channel} in (${inList(APPOINTMENT_CHANNELS)})`),
  check('booking_closures_reason_check', sql`length(${t.reason}) between 1 and 200`),
])

/** A one-off session on a given day (e.g. a Saturday legal-aid day), in addition to the weekly rules. */
export const bookingExtraSessions = pgTable('booking_extra_sessions', {
  id: uuid().primaryKey().defaultRandom(),
  servicePointId: uuid().references(() => servicePoints.id),
  channel: text().$type<AppointmentChannel>().notNull(),
  day: date({ mode: 'string' }).notNull(),
  startTime: text().notNull(),
  endTime: text().notNull(),
  slotMinutes: integer().notNull(),
  capacity: integer().notNull(),
  note: text(),
  ...timestamps,
}, t => [
  index('booking_extra_sessions_day_idx').on(t.day),
  check('booking_extra_sessions_channel_check', sql`${t.channel} in (${inList(APPOINTMENT_CHANNELS)})`),
  check('booking_extra_sessions_point_check', sql`${t.channel} <> 'walk_in' or ${t.servicePointId} is not null`),
  check('booking_extra_sessions_time_check', sql`${t.startTime} ~ ${HHMM} and ${t.endTime} ~ ${HHMM} and ${t.endTime} > ${t.startTime}`),
  check('booking_extra_sessions_slot_check', sql`${t.slotMinutes} between 5 and 480`),
  check('booking_extra_sessions_capacity_check', sql`${t.capacity} between 1 and 500`),
])

/**
 * Bookable time slots, materialised from the schedules (domain/appointments/schedule.ts). `booked`
 * counts the places held by non-cancelled appointments and is changed only by the booking
 * statements (UPDATE ... WHERE booked < capacity, which also takes the row lock): the CHECK makes the
 * database refuse a booking beyond capacity whatever the code does. A slot no longer in the schedule
 * (closure, changed rule) is withdrawn, not deleted, so its bookings keep their place.
 */
export const appointmentSlots = pgTable('appointment_slots', {
  id: uuid().primaryKey().defaultRandom(),
  channel: text().$type<AppointmentChannel>().notNull(),
  servicePointId: uuid().references(() => servicePoints.id),
  startsAt: timestamp({ withTimezone: true }).notNull(),
  endsAt: timestamp({ withTimezone: true }).notNull(),
  capacity: integer().notNull(),
  booked: integer().notNull().default(0),
  withdrawnAt: timestamp({ withTimezone: true }),
  isDemo: boolean().notNull().default(false),
  ...timestamps,
}, t => [
  index('appointment_slots_starts_idx').on(t.startsAt),
  // One slot per channel, point and start time (NULLS NOT DISTINCT is PG15+: use coalesce instead).
  uniqueIndex('appointment_slots_point_start_key').on(t.channel, sql`coalesce(${t.servicePointId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.startsAt),
  check('appointment_slots_channel_check', sql`${t.channel} in (${inList(APPOINTMENT_CHANNELS)})`),
  check('appointment_slots_point_check', sql`${t.channel} <> 'walk_in' or ${t.servicePointId} is not null`),
  check('appointment_slots_period_check', sql`${t.endsAt} > ${t.startsAt}`),
  check('appointment_slots_capacity_check', sql`${t.capacity} > 0`),
  check('appointment_slots_booked_check', sql`${t.booked} >= 0 and ${t.booked} <= ${t.capacity}`),
])

/**
 * A booking holds place `slot_no` (1..capacity) of its slot. Capacity is enforced twice in the
 * database: the slot's `booked <= capacity` CHECK and the partial unique index on (slot, place).
 * At most one active booking per phone and Asia/Shanghai day (`slot_day`) is a partial unique index.
 * The phone is encrypted (AES-256-GCM) with a keyed hash for look-ups and a masked copy for staff
 * lists; the private manage link is a random token of which only the SHA-256 is kept.
 */
export const appointments = pgTable('appointments', {
  id: uuid().primaryKey().defaultRandom(),
  reference: text().notNull().unique('appointments_reference_key'),
  slotId: uuid().notNull().references(() => appointmentSlots.id),
  slotNo: integer().notNull(),
  /** Asia/Shanghai calendar day of the slot (kept in step with slot_id). */
  slotDay: date({ mode: 'string' }).notNull(),
  channel: text().$type<AppointmentChannel>().notNull(),
  name: text(),
  phoneEnc: text().notNull(),
  phoneHash: text().notNull(),
  phoneMasked: text().notNull(),
  /** Associated data of phone_enc when it is not `appointments:<id>:phone` (callbacks moved from the old table). */
  phoneAad: text(),
  topic: text().notNull(),
  note: text(),
  status: text().$type<AppointmentStatus>().notNull().default('booked'),
  manageTokenHash: text().unique('appointments_manage_token_key'),
  /** The token itself, encrypted: the confirmation can be shown again and texts can carry the link. */
  manageTokenEnc: text(),
  idempotencyKey: text().unique('appointments_idempotency_key'),
  requestHash: text(),
  ipHash: text(),
  bookedBy: uuid().references(() => staffUsers.id),
  callId: uuid().references(() => hotlineCalls.id),
  heldUntil: timestamp({ withTimezone: true }),
  cancelledAt: timestamp({ withTimezone: true }),
  checkedInAt: timestamp({ withTimezone: true }),
  completedAt: timestamp({ withTimezone: true }),
  completedBy: uuid().references(() => staffUsers.id),
  reminderQueuedAt: timestamp({ withTimezone: true }),
  ...timestamps,
}, t => [
  uniqueIndex('appointments_slot_place_key').on(t.slotId, t.slotNo).where(sql`${t.status} <> 'cancelled'`),
  uniqueIndex('appointments_phone_day_key').on(t.phoneHash, t.slotDay).where(sql`${t.status} in ('booked','held')`),
  index('appointments_slot_idx').on(t.slotId),
  index('appointments_phone_idx').on(t.phoneHash),
  index('appointments_ip_idx').on(t.ipHash, t.createdAt),
  index('appointments_call_idx').on(t.callId),
  index('appointments_day_idx').on(t.slotDay, t.channel),
  check('appointments_status_check', sql`${t.status} in (${inList(APPOINTMENT_STATUSES)})`),
  check('appointments_channel_check', sql`${t.channel} in (${inList(APPOINTMENT_CHANNELS)})`),
  check('appointments_topic_check', sql`${t.topic} in (${inList(CASE_CATEGORIES)})`),
  check('appointments_slot_no_check', sql`${t.slotNo} >= 1`),
  check('appointments_phone_check', sql`${t.phoneEnc} like 'enc:%'`),
  check('appointments_name_check', sql`${t.name} is null or length(${t.name}) between 1 and 50`),
  check('appointments_note_check', sql`${t.note} is null or length(${t.note}) <= 500`),
  check('appointments_held_check', sql`${t.status} <> 'held' or ${t.heldUntil} is not null`),
])

export const WAITLIST_STATUSES = ['waiting', 'offered', 'booked', 'expired', 'cancelled'] as const
export type WaitlistStatus = typeof WAITLIST_STATUSES[number]

/** Waiting for a place on a full day: a freed place is held for the oldest entry for a limited time. */
export const bookingWaitlist = pgTable('booking_waitlist', {
  id: uuid().primaryKey().defaultRandom(),
  channel: text().$type<AppointmentChannel>().notNull(),
  servicePointId: uuid().references(() => servicePoints.id),
  day: date({ mode: 'string' }).notNull(),
  name: text().notNull(),
  phoneEnc: text().notNull(),
  phoneHash: text().notNull(),
  phoneMasked: text().notNull(),
  topic: text().notNull(),
  status: text().$type<WaitlistStatus>().notNull().default('waiting'),
  appointmentId: uuid().references(() => appointments.id),
  ...timestamps,
}, t => [
  index('booking_waitlist_day_idx').on(t.channel, t.day, t.status, t.createdAt),
  uniqueIndex('booking_waitlist_phone_day_key').on(t.phoneHash, t.channel, t.day).where(sql`${t.status} in ('waiting','offered')`),
  check('booking_waitlist_status_check', sql`${t.status} in (${inList(WAITLIST_STATUSES)})`),
  check('booking_waitlist_channel_check', sql`${t.channel} in (${inList(APPOINTMENT_CHANNELS)})`),
  check('booking_waitlist_topic_check', sql`${t.topic} in (${inList(CASE_CATEGORIES)})`),
  check('booking_waitlist_phone_check', sql`${t.phoneEnc} like 'enc:%'`),
])

export const NOTIFICATION_KINDS = ['confirmation', 'reminder', 'waitlist_offer', 'rating_request', 'cancellation', 'reschedule'] as const
export type NotificationKind = typeof NOTIFICATION_KINDS[number]

/**
 * Texts to residents, written in the same transaction as the change they announce and sent by the
 * notification worker (claimed with FOR UPDATE SKIP LOCKED plus a lease). The text is encrypted
 * (it can carry a private link); the recipient is the appointment's phone, decrypted at send time.
 */
export const notificationOutbox = pgTable('notification_outbox', {
  id: uuid().primaryKey().defaultRandom(),
  kind: text().$type<NotificationKind>().notNull(),
  appointmentId: uuid().notNull().references(() => appointments.id),
  dedupeKey: text().notNull().unique('notification_outbox_dedupe_key'),
  bodyEnc: text().notNull(),
  status: text().$type<'pending' | 'sent' | 'dead'>().notNull().default('pending'),
  dueAt: timestamp({ withTimezone: true }).notNull(),
  attempts: integer().notNull().default(0),
  leaseUntil: timestamp({ withTimezone: true }),
  sentAt: timestamp({ withTimezone: true }),
  lastError: text(),
  ...timestamps,
}, t => [
  index('notification_outbox_due_idx').on(t.status, t.dueAt),
  check('notification_outbox_kind_check', sql`${t.kind} in (${inList(NOTIFICATION_KINDS)})`),
  check('notification_outbox_status_check', sql`${t.status} in ('pending','sent','dead')`),
])

/** One rating per completed appointment or callback: 1-5 and an optional comment, given once. */
export const appointmentRatings = pgTable('appointment_ratings', {
  id: uuid().primaryKey().defaultRandom(),
  appointmentId: uuid().notNull().unique('appointment_ratings_appointment_key').references(() => appointments.id),
  tokenHash: text().notNull().unique('appointment_ratings_token_key'),
  score: integer(),
  comment: text(),
  ratedAt: timestamp({ withTimezone: true }),
  ...timestamps,
}, t => [
  index('appointment_ratings_rated_idx').on(t.ratedAt),
  check('appointment_ratings_score_check', sql`${t.score} is null or ${t.score} between 1 and 5`),
  check('appointment_ratings_given_check', sql`(${t.score} is null) = (${t.ratedAt} is null)`),
  check('appointment_ratings_comment_check', sql`${t.comment} is null or length(${t.comment}) <= 500`),
])

export type AppointmentSlotRow = typeof appointmentSlots.$inferSelect
export type NewAppointmentSlotRow = typeof appointmentSlots.$inferInsert
export type AppointmentRow = typeof appointments.$inferSelect
export type BookingScheduleRow = typeof bookingSchedules.$inferSelect
export type BookingClosureRow = typeof bookingClosures.$inferSelect
export type BookingExtraSessionRow = typeof bookingExtraSessions.$inferSelect
export type WaitlistRow = typeof bookingWaitlist.$inferSelect
export type NotificationRow = typeof notificationOutbox.$inferSelect
export type RatingRow = typeof appointmentRatings.$inferSelect
