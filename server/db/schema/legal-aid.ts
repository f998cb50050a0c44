import { sql } from 'drizzle-orm'
import {
  bigserial, boolean, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid,
} from 'drizzle-orm/pg-core'
import { timestamps } from './_shared'
import { staffUsers } from './staff'

/**
 * 经济困难标准 (法律援助法第三十四条): versioned, dated, sourced 低保 figures per county × urban/rural.
 * Rows are added, never edited: a new figure is a new version with its own effective dates.
 */
export const hardshipStandards = pgTable('hardship_standards', {
  id: text().primaryKey(),
  county: text().notNull(),
  residence: text().notNull(),
  dibaoMonthly: numeric({ precision: 10, scale: 2, mode: 'number' }).notNull(),
  multiplier: numeric({ precision: 4, scale: 2, mode: 'number' }).notNull(),
  effectiveFrom: date({ mode: 'string' }).notNull(),
  effectiveTo: date({ mode: 'string' }),
  source: text().notNull(),
  note: text(),
  /** null: seeded from content/eligibility/dibao-standards.json */
  createdBy: uuid().references(() => staffUsers.id),
  ...timestamps,
}, t => [
  index('hardship_standards_place_idx').on(t.county, t.residence, t.effectiveFrom),
  check('hardship_standards_county_check', sql`${t.county} in ('xingqing','jinfeng','xixia','yongning','helan','lingwu')`),
  check('hardship_standards_residence_check', sql`${t.residence} in ('urban','rural')`),
  check('hardship_standards_amount_check', sql`${t.dibaoMonthly} > 0 and ${t.multiplier} > 0 and ${t.multiplier} <= 10`),
  check('hardship_standards_period_check', sql`${t.effectiveTo} is null or ${t.effectiveTo} >= ${t.effectiveFrom}`),
  check('hardship_standards_source_check', sql`length(${t.source}) > 0`),
])

/** Declarative rule sets (军人军属, 退役军人, local rules) as validated JSON, one row per id. */
export const eligibilityRuleSets = pgTable('eligibility_rule_sets', {
  id: text().primaryKey(),
  version: text().notNull(),
  /** The whole rule set as in content/eligibility/rulesets.json (validated by ruleSetSchema). */
  definition: jsonb().$type<Record<string, unknown>>().notNull(),
  /** Position in the engine's configuration order. */
  position: integer().notNull().default(0),
  createdBy: uuid().references(() => staffUsers.id),
  ...timestamps,
})

/** Anonymous screening aggregate: how many screenings per day, matter and outcome. Nothing personal. */
export const screeningCounters = pgTable('screening_counters', {
  day: date({ mode: 'string' }).notNull(),
  matter: text().notNull(),
  outcome: text().notNull(),
  count: integer().notNull().default(0),
}, t => [primaryKey({ columns: [t.day, t.matter, t.outcome] })])

export const LEGAL_AID_STATUSES = [
  'submitted', 'materials_requested', 'withdrawn', 'provisional', 'granted', 'assigned', 'refused', 'terminated',
  'objection_pending', 'objection_maintained', 'correction_ordered',
] as const

/**
 * 法律援助申请. Personal values are encrypted (AES-256-GCM, server/domain/crypto); ID number and phone
 * are found through keyed hashes; lists use the masked name only.
 */
export const legalAidApplications = pgTable('legal_aid_applications', {
  id: uuid().primaryKey().defaultRandom(),
  seq: bigserial({ mode: 'number' }).notNull(),
  reference: text().notNull().unique('legal_aid_applications_reference_key'),
  status: text().notNull().default('submitted'),
  /** Optimistic concurrency: every change bumps it; a stale write changes no row (409). */
  version: integer().notNull().default(1),
  receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** Calendar day of receipt in Asia/Shanghai (the day the art. 43 clock counts from). */
  receivedDate: date({ mode: 'string' }).notNull(),
  urgent: boolean().notNull().default(false),
  matter: text(),
  screeningOutcome: text().notNull(),
  meansTest: text().notNull(),
  ruleVersion: text().notNull(),
  nameMasked: text().notNull(),
  idNumberEnc: text().notNull(),
  idNumberHash: text().notNull(),
  phoneEnc: text().notNull(),
  phoneHash: text().notNull(),
  /** Encrypted JSON: name, address, matter summary, agent, screening answers and result. */
  personalEnc: text().notNull(),
  hasAgent: boolean().notNull().default(false),
  sensitiveConsent: boolean().notNull().default(false),
  consentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),

  decisionDue: date({ mode: 'string' }),
  /** Days of the 7-day clock left when it was paused for missing materials. */
  decisionDaysLeft: integer(),
  materialsRequestedAt: timestamp({ withTimezone: true }),
  materialsRequestedBy: uuid().references(() => staffUsers.id),
  materialsList: jsonb().$type<string[]>(),
  materialsDue: date({ mode: 'string' }),
  materialsSuppliedAt: timestamp({ withTimezone: true }),
  /** Encrypted: what the applicant says about the supplied materials. */
  materialsNoteEnc: text(),
  withdrawnAt: timestamp({ withTimezone: true }),

  decidedAt: timestamp({ withTimezone: true }),
  decidedBy: uuid().references(() => staffUsers.id),
  refusalReasons: text(),
  assignDue: date({ mode: 'string' }),
  assignedAt: timestamp({ withTimezone: true }),
  assignedBy: uuid().references(() => staffUsers.id),
  assigneeLawyer: text(),
  assigneeFirm: text(),

  /** 第四十四条: aid given before the decision (ground = item of 第一款). */
  provisionalAt: timestamp({ withTimezone: true }),
  provisionalBy: uuid().references(() => staffUsers.id),
  provisionalGround: integer(),
  /** 第四十八条: termination (ground = item of 第一款), with reasons. */
  terminatedAt: timestamp({ withTimezone: true }),
  terminatedBy: uuid().references(() => staffUsers.id),
  terminationGround: integer(),
  terminationReasons: text(),

  objectionAt: timestamp({ withTimezone: true }),
  /** What the (latest) objection is about: 'refusal' or 'termination' (第四十九条第一款). */
  objectionSubject: text(),
  objectionReasonEnc: text(),
  objectionDue: date({ mode: 'string' }),
  objectionDecidedAt: timestamp({ withTimezone: true }),
  objectionDecidedBy: uuid().references(() => staffUsers.id),
  objectionDecision: text(),
  objectionDecisionReasons: text(),
  ...timestamps,
}, t => [
  index('legal_aid_applications_status_idx').on(t.status, t.urgent),
  index('legal_aid_applications_id_number_hash_idx').on(t.idNumberHash),
  index('legal_aid_applications_phone_hash_idx').on(t.phoneHash),
  check('legal_aid_applications_status_check', sql`${t.status} in ('submitted','materials_requested','withdrawn','provisional','granted','assigned','refused','terminated','objection_pending','objection_maintained','correction_ordered')`),
  check('legal_aid_applications_termination_check', sql`${t.status} <> 'terminated' or (length(coalesce(${t.terminationReasons}, '')) >= 10 and ${t.terminationGround} between 1 and 8)`),
  check('legal_aid_applications_provisional_check', sql`${t.provisionalGround} is null or ${t.provisionalGround} between 1 and 3`),
  check('legal_aid_applications_objection_subject_check', sql`${t.objectionSubject} is null or ${t.objectionSubject} in ('refusal','termination')`),
  check('legal_aid_applications_version_check', sql`${t.version} >= 1`),
  check('legal_aid_applications_refusal_check', sql`${t.status} <> 'refused' or length(coalesce(${t.refusalReasons}, '')) >= 10`),
  check('legal_aid_applications_assigned_check', sql`${t.status} <> 'assigned' or (${t.assigneeLawyer} is not null and ${t.assigneeFirm} is not null)`),
  check('legal_aid_applications_objection_decision_check', sql`${t.objectionDecision} is null or ${t.objectionDecision} in ('maintain','correct')`),
  check('legal_aid_applications_enc_check', sql`${t.idNumberEnc} like 'enc:%' and ${t.phoneEnc} like 'enc:%' and ${t.personalEnc} like 'enc:%'`),
])

/** Status look-ups by applicants, for the per-address and per-reference limit (all instances). */
export const legalAidLookupAttempts = pgTable('legal_aid_lookup_attempts', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  ipHash: text().notNull(),
  /** keyed hash of the reference tried */
  referenceKey: text().notNull(),
  ok: boolean().notNull().default(false),
  at: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, t => [
  index('legal_aid_lookup_attempts_ip_idx').on(t.ipHash, t.at),
  index('legal_aid_lookup_attempts_ref_idx').on(t.referenceKey, t.at),
])

export type HardshipStandardRow = typeof hardshipStandards.$inferSelect
export type NewHardshipStandardRow = typeof hardshipStandards.$inferInsert
export type RuleSetRow = typeof eligibilityRuleSets.$inferSelect
export type LegalAidApplicationRow = typeof legalAidApplications.$inferSelect
export type NewLegalAidApplicationRow = typeof legalAidApplications.$inferInsert
