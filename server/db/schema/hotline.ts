import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { CASE_CATEGORIES, PRIORITY_GROUP_CODES } from '../../../shared/domain/cases/taxonomy'
import { timestamps } from './_shared'
import { servicePoints } from './service-points'
import { staffUsers } from './staff'

/** Outcome codes the console's own rules depend on (seeded, never deleted; labels editable). */
export const SYSTEM_OUTCOMES = ['answered', 'referred_service_point', 'legal_aid_screening', 'callback_booked', 'transferred'] as const
export type HotlineOutcome = string
export const INTERPRETER_NEEDS = ['none', 'interpreter', 'sign_language'] as const
export type InterpreterNeed = typeof INTERPRETER_NEEDS[number]
export const CALL_LINK_KINDS = ['screening', 'application', 'booking'] as const
export type CallLinkKind = typeof CALL_LINK_KINDS[number]
export const CALLBACK_STATUSES = ['booked', 'done', 'missed', 'cancelled'] as const
export type CallbackStatus = typeof CALLBACK_STATUSES[number]

const inList = (values: readonly string[]) => sql.raw(values.map(v => `'${v.replace(/'/g, "''")}'`).join(','))

/**
 * 处理结果 codes, kept as data: admins add codes and edit labels and flags. `needsFollowUp`: the call
 * stays on someone's list until followed up; `closesCall`: the call is finished with this outcome.
 * Seeded by migration 0010 (the console's rules key on the system codes).
 */
export const hotlineOutcomeCodes = pgTable('hotline_outcome_codes', {
  code: text().primaryKey(),
  label: text().notNull(),
  needsFollowUp: boolean().notNull().default(false),
  closesCall: boolean().notNull().default(true),
  active: boolean().notNull().default(true),
  system: boolean().notNull().default(false),
  position: integer().notNull().default(100),
  ...timestamps,
}, t => [
  check('hotline_outcome_codes_code_check', sql`${t.code} ~ '^[a-z][a-z0-9_]{1,39}$'`),
  check('hotline_outcome_codes_label_check', sql`length(${t.label}) between 1 and 40`),
  check('hotline_outcome_codes_flags_check', sql`not (${t.needsFollowUp} and ${t.closesCall})`),
])

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
  outcome: text().$type<HotlineOutcome>().notNull().references(() => hotlineOutcomeCodes.code),
  referredServicePointId: uuid().references(() => servicePoints.id),
  /** Flags the operator sets during the call. */
  urgent: boolean().notNull().default(false),
  /** false: calling back could put the caller at risk (e.g. 家庭暴力): only inside the windows they chose. */
  safeToCallBack: boolean().notNull().default(true),
  /** Do not say who is calling (no "12348"/"法律援助" on the phone or in a voicemail). */
  discreet: boolean().notNull().default(false),
  interpreter: text().$type<InterpreterNeed>().notNull().default('none'),
  elderlyOrDisabled: boolean().notNull().default(false),
  /** The caller was told of the right to apply for legal aid (法律援助法第二十条、第四十一条). */
  toldOfLegalAidRight: boolean().notNull().default(false),
  /** Optimistic concurrency: every edit bumps it; an edit of an older version is refused (409). */
  version: integer().notNull().default(1),
  updatedBy: uuid().references(() => staffUsers.id),
  ...timestamps,
}, t => [
  index('hotline_calls_started_idx').on(t.startedAt),
  index('hotline_calls_operator_idx').on(t.operatorId, t.startedAt),
  index('hotline_calls_phone_hash_idx').on(t.callerPhoneHash),
  check('hotline_calls_topic_check', sql`${t.topic} in (${inList(CASE_CATEGORIES)})`),
  check('hotline_calls_summary_check', sql`length(${t.summary}) between 1 and 2000`),
  check('hotline_calls_groups_check', sql`${t.callerGroups} <@ array[${inList(PRIORITY_GROUP_CODES)}]::text[]`),
  check('hotline_calls_interpreter_check', sql`${t.interpreter} in (${inList(INTERPRETER_NEEDS)})`),
  check('hotline_calls_version_check', sql`${t.version} >= 1`),
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

/**
 * What was started during the call, by its reference: a screening (its rule version and outcome),
 * a legal-aid application (its reference) or a booking (its reference). References, not foreign
 * keys, so the link survives the booking model's tables changing.
 */
export const hotlineCallLinks = pgTable('hotline_call_links', {
  id: uuid().primaryKey().defaultRandom(),
  callId: uuid().notNull().references(() => hotlineCalls.id),
  kind: text().$type<CallLinkKind>().notNull(),
  reference: text().notNull(),
  createdBy: uuid().notNull().references(() => staffUsers.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, t => [
  index('hotline_call_links_call_idx').on(t.callId),
  uniqueIndex('hotline_call_links_key').on(t.callId, t.kind, t.reference),
  check('hotline_call_links_kind_check', sql`${t.kind} in (${inList(CALL_LINK_KINDS)})`),
  check('hotline_call_links_reference_check', sql`length(${t.reference}) between 1 and 80`),
])

export type HotlineOutcomeCodeRow = typeof hotlineOutcomeCodes.$inferSelect
export type HotlineCallLinkRow = typeof hotlineCallLinks.$inferSelect
export type HotlineCallRow = typeof hotlineCalls.$inferSelect
export type NewHotlineCallRow = typeof hotlineCalls.$inferInsert
export type CallbackWindowRow = typeof callbackWindows.$inferSelect
export type CallbackRow = typeof callbacks.$inferSelect

export const ATTEMPT_RESULTS = ['no_answer', 'busy', 'wrong_number', 'not_safe_to_talk', 'completed'] as const
export type AttemptResult = typeof ATTEMPT_RESULTS[number]

/**
 * Each try at a promised callback: at most three (MAX_ATTEMPTS in domain/hotline/callbacks.ts, and
 * the check below), numbered 1..3, one row per number. `callback_id` names the callback (a callbacks
 * row today; an appointment of channel hotline_callback once callbacks move onto the booking
 * service), so it carries no foreign key.
 */
export const callbackAttempts = pgTable('callback_attempts', {
  id: uuid().primaryKey().defaultRandom(),
  callbackId: uuid().notNull(),
  attemptNo: integer().notNull(),
  result: text().$type<AttemptResult>().notNull(),
  at: timestamp({ withTimezone: true }).notNull(),
  by: uuid().notNull().references(() => staffUsers.id),
}, t => [
  uniqueIndex('callback_attempts_number_key').on(t.callbackId, t.attemptNo),
  check('callback_attempts_number_check', sql`${t.attemptNo} between 1 and 3`),
  check('callback_attempts_result_check', sql`${t.result} in (${inList(ATTEMPT_RESULTS)})`),
])

/** Who is to make a callback; reassigned between operators (audited). No row: whoever takes it. */
export const callbackAssignments = pgTable('callback_assignments', {
  callbackId: uuid().primaryKey(),
  operatorId: uuid().notNull().references(() => staffUsers.id),
  assignedBy: uuid().notNull().references(() => staffUsers.id),
  assignedAt: timestamp({ withTimezone: true }).notNull(),
})

export type CallbackAttemptRow = typeof callbackAttempts.$inferSelect
