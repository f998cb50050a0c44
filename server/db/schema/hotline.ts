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

/**
 * A legal-aid screening the operator ran on the caller's behalf during the call, with the same
 * engine as the public questionnaire. The answers (which may carry sensitive facts: disability,
 * domestic violence) are encrypted; the outcome and rule version are kept in clear for the link and
 * the dashboard. The application started from the call is prefilled from these answers.
 */
export const hotlineCallScreenings = pgTable('hotline_call_screenings', {
  id: uuid().primaryKey().defaultRandom(),
  callId: uuid().notNull().references(() => hotlineCalls.id),
  reference: text().notNull().unique('hotline_call_screenings_reference_key'),
  answersEnc: text().notNull(),
  outcome: text().notNull(),
  ruleVersion: text().notNull(),
  createdBy: uuid().notNull().references(() => staffUsers.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, t => [
  index('hotline_call_screenings_call_idx').on(t.callId, t.createdAt),
  check('hotline_call_screenings_outcome_check', sql`${t.outcome} in ('eligible', 'not_eligible', 'needs_review')`),
  check('hotline_call_screenings_answers_check', sql`${t.answersEnc} like 'enc:%'`),
])

export type HotlineOutcomeCodeRow = typeof hotlineOutcomeCodes.$inferSelect
export type HotlineCallLinkRow = typeof hotlineCallLinks.$inferSelect
export type HotlineCallRow = typeof hotlineCalls.$inferSelect
export type NewHotlineCallRow = typeof hotlineCalls.$inferInsert
export type HotlineCallScreeningRow = typeof hotlineCallScreenings.$inferSelect
