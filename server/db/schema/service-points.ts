import { sql } from 'drizzle-orm'
import { boolean, check, index, jsonb, pgTable, text, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core'
import { timestamps } from './_shared'
import type { ServicePointEditableField } from '../../../shared/domain/appointments/service-point-details'

export const SERVICE_POINT_LEVELS = ['city', 'county', 'township', 'village'] as const
export type ServicePointLevel = typeof SERVICE_POINT_LEVELS[number]

/** 实体平台: the four levels of public legal service points. */
export const servicePoints = pgTable('service_points', {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique('service_points_code_key'),
  parentId: uuid().references((): AnyPgColumn => servicePoints.id),
  level: text().$type<ServicePointLevel>().notNull(),
  name: text().notNull(),
  county: text(),
  address: text().notNull().default(''),
  phone: text().notNull().default(''),
  /** e.g. { "mon-fri": "09:00-12:00,13:30-17:30" } */
  openingHours: jsonb().$type<Record<string, string>>().notNull().default({}),
  services: text().array().notNull().default(sql`'{}'::text[]`),
  /** 无障碍 notes: step-free entrance, lift, hearing loop, sign language by appointment … */
  accessibility: text().notNull().default(''),
  isDemo: boolean().notNull().default(false),
  /** Shown to the public (finder, booking) and bookable; an inactive point's future free slots are withdrawn. */
  active: boolean().notNull().default(true),
  /** Which of the editable fields still hold a seeded demo value (示例); an admin's edit of a field removes it. */
  demoFields: text().array().$type<ServicePointEditableField[]>().notNull().default(sql`'{}'::text[]`),
  ...timestamps,
}, t => [
  index('service_points_parent_idx').on(t.parentId),
  check('service_points_level_check', sql`${t.level} in ('city','county','township','village')`),
  check('service_points_demo_fields_check', sql`${t.demoFields} <@ array['address','phone','openingHours','accessibility']::text[]`),
  check('service_points_text_length_check', sql`char_length(${t.address}) <= 200 and char_length(${t.phone}) <= 40 and char_length(${t.accessibility}) <= 500`),
])

export type ServicePoint = typeof servicePoints.$inferSelect
