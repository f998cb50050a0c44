import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { CASE_CATEGORIES } from '../../../shared/domain/cases/taxonomy'
import { timestamps } from './_shared'
import { servicePoints } from './service-points'

export const APPOINTMENT_CHANNELS = ['walk_in', 'online'] as const
export type AppointmentChannel = typeof APPOINTMENT_CHANNELS[number]
export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'attended', 'no_show'] as const
export type AppointmentStatus = typeof APPOINTMENT_STATUSES[number]

const inList = (values: readonly string[]) => sql.raw(values.map(v => `'${v.replace(/'/g, "''")}'`).join(','))

/**
 * 预约法律咨询 time slots: walk-in at a service point (to the window) or online (video/phone).
 * `capacity` places, numbered 1..capacity.
 */
export const appointmentSlots = pgTable('appointment_slots', {
  id: uuid().primaryKey().defaultRandom(),
  channel: text().$type<AppointmentChannel>().notNull(),
  servicePointId: uuid().references(() => servicePoints.id),
  startsAt: timestamp({ withTimezone: true }).notNull(),
  endsAt: timestamp({ withTimezone: true }).notNull(),
  capacity: integer().notNull(),
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
])

/**
 * A booked appointment holds place `slot_no` of its slot: taken as the lowest free place after
 * locking the slot row (repositories/appointments.ts); the partial unique index is the last line of
 * defence. A cancelled appointment frees its place. The phone is encrypted (AES-256-GCM) with a
 * keyed hash for the public look-up and a masked copy for staff lists; the name is shown masked.
 */
export const appointments = pgTable('appointments', {
  id: uuid().primaryKey().defaultRandom(),
  reference: text().notNull().unique('appointments_reference_key'),
  slotId: uuid().notNull().references(() => appointmentSlots.id),
  slotNo: integer().notNull(),
  name: text().notNull(),
  phoneEnc: text().notNull(),
  phoneHash: text().notNull(),
  phoneMasked: text().notNull(),
  topic: text().notNull(),
  note: text(),
  status: text().$type<AppointmentStatus>().notNull().default('booked'),
  cancelledAt: timestamp({ withTimezone: true }),
  ...timestamps,
}, t => [
  uniqueIndex('appointments_slot_place_key').on(t.slotId, t.slotNo).where(sql`${t.status} <> 'cancelled'`),
  index('appointments_slot_idx').on(t.slotId),
  check('appointments_status_check', sql`${t.status} in (${inList(APPOINTMENT_STATUSES)})`),
  check('appointments_topic_check', sql`${t.topic} in (${inList(CASE_CATEGORIES)})`),
  check('appointments_slot_no_check', sql`${t.slotNo} >= 1`),
  check('appointments_phone_check', sql`${t.phoneEnc} like 'enc:%'`),
  check('appointments_name_check', sql`length(${t.name}) between 1 and 50`),
  check('appointments_note_check', sql`${t.note} is null or length(${t.note}) <= 500`),
])

export type AppointmentSlotRow = typeof appointmentSlots.$inferSelect
export type NewAppointmentSlotRow = typeof appointmentSlots.$inferInsert
export type AppointmentRow = typeof appointments.$inferSelect
