import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { CASE_CATEGORIES, PRIORITY_GROUP_CODES } from '../../../shared/domain/cases/taxonomy'
import { timestamps } from './_shared'
import { servicePoints } from './service-points'
import { staffUsers } from './staff'

export const HOTLINE_OUTCOMES = ['answered', 'referred_service_point', 'legal_aid_screening', 'callback_booked', 'transferred'] as const
export type HotlineOutcome = typeof HOTLINE_OUTCOMES[number]
export const CALLBACK_STATUSES = ['booked', 'done', 'missed', 'cancelled'] as const
export type CallbackStatus = typeof CALLBACK_STATUSES[number]

const inList = (values: readonly string[]) => sql.raw(values.map(v => `'${v.replace(/'/g, "''")}'`).join(','))

/**
 * 12348 热线来电记录. The caller's phone is optional (anonymous callers are welcome); when given it
 * is encrypted (AES-256-GCM, server/domain/crypto) with a keyed hash for look-ups and a masked copy
 * for lists. The summary never carries an ID number (refused on input).
 */
export const hotlineCalls = pgTable('hotline_calls', {
  id: uuid().primaryKey().defaultRandom(),
  reference: text().notNull().unique('hotline_calls_reference_key'),
  operatorId: uuid().notNull().references(() => staffUsers.id),
  startedAt: timestamp({ withTimezone: true }).notNull(),
  topic: text().notNull(),
  summary: text().notNull(),
  callerPhoneEnc: text(),
  callerPhoneHash: text(),
  callerPhoneMasked: text(),
  callerGroups: text().array().notNull().default(sql`'{}'::text[]`),
  outcome: text().$type<HotlineOutcome>().notNull(),
  referredServicePointId: uuid().references(() => servicePoints.id),
  ...timestamps,
}, t => [
  index('hotline_calls_started_idx').on(t.startedAt),
  index('hotline_calls_operator_idx').on(t.operatorId, t.startedAt),
  index('hotline_calls_phone_hash_idx').on(t.callerPhoneHash),
  check('hotline_calls_topic_check', sql`${t.topic} in (${inList(CASE_CATEGORIES)})`),
  check('hotline_calls_summary_check', sql`length(${t.summary}) between 1 and 2000`),
  check('hotline_calls_groups_check', sql`${t.callerGroups} <@ array[${inList(PRIORITY_GROUP_CODES)}]::text[]`),
  check('hotline_calls_outcome_check', sql`${t.outcome} in (${inList(HOTLINE_OUTCOMES)})`),
  check('hotline_calls_phone_check', sql`(${t.callerPhoneEnc} is null and ${t.callerPhoneHash} is null and ${t.callerPhoneMasked} is null) or (${t.callerPhoneEnc} like 'enc:%' and ${t.callerPhoneHash} is not null and ${t.callerPhoneMasked} is not null)`),
  check('hotline_calls_callback_phone_check', sql`${t.outcome} <> 'callback_booked' or ${t.callerPhoneEnc} is not null`),
  check('hotline_calls_referral_check', sql`(${t.outcome} = 'referred_service_point') = (${t.referredServicePointId} is not null)`),
])

/** Windows in which a lawyer calls back; `capacity` places, numbered 1..capacity. */
export const callbackWindows = pgTable('callback_windows', {
  id: uuid().primaryKey().defaultRandom(),
  startsAt: timestamp({ withTimezone: true }).notNull().unique('callback_windows_starts_at_key'),
  endsAt: timestamp({ withTimezone: true }).notNull(),
  capacity: integer().notNull(),
  isDemo: boolean().notNull().default(false),
  ...timestamps,
}, t => [
  check('callback_windows_capacity_check', sql`${t.capacity} > 0`),
  check('callback_windows_period_check', sql`${t.endsAt} > ${t.startsAt}`),
])

/**
 * A booked callback holds place `slot_no` of its window. Booking takes the lowest free place in one
 * INSERT ... SELECT after locking the window row (repositories/hotline.ts), so slot_no stays within
 * 1..capacity; the partial unique index is the last line of defence against double booking.
 * A cancelled callback frees its place.
 */
export const callbacks = pgTable('callbacks', {
  id: uuid().primaryKey().defaultRandom(),
  callId: uuid().notNull().references(() => hotlineCalls.id),
  windowId: uuid().notNull().references(() => callbackWindows.id),
  phoneEnc: text().notNull(),
  phoneHash: text().notNull(),
  phoneMasked: text().notNull(),
  status: text().$type<CallbackStatus>().notNull().default('booked'),
  slotNo: integer().notNull(),
  completedAt: timestamp({ withTimezone: true }),
  completedBy: uuid().references(() => staffUsers.id),
  ...timestamps,
}, t => [
  uniqueIndex('callbacks_window_slot_key').on(t.windowId, t.slotNo).where(sql`${t.status} <> 'cancelled'`),
  index('callbacks_call_idx').on(t.callId),
  check('callbacks_status_check', sql`${t.status} in (${inList(CALLBACK_STATUSES)})`),
  check('callbacks_slot_no_check', sql`${t.slotNo} >= 1`),
  check('callbacks_phone_check', sql`${t.phoneEnc} like 'enc:%'`),
])

export type HotlineCallRow = typeof hotlineCalls.$inferSelect
export type NewHotlineCallRow = typeof hotlineCalls.$inferInsert
export type CallbackWindowRow = typeof callbackWindows.$inferSelect
export type CallbackRow = typeof callbacks.$inferSelect
