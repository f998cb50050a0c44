import { sql } from 'drizzle-orm'
import { bigserial, boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { STAFF_ROLES, type StaffRole } from '../../../shared/types/staff'
import { timestamps } from './_shared'

export { STAFF_ROLES, type StaffRole }

export const staffUsers = pgTable('staff_users', {
  id: uuid().primaryKey().defaultRandom(),
  username: text().notNull().unique('staff_users_username_key'),
  displayName: text().notNull().default(''),
  role: text().$type<StaffRole>().notNull(),
  passwordHash: text().notNull(),
  disabledAt: timestamp({ withTimezone: true }),
  failedLogins: integer().notNull().default(0),
  lockedUntil: timestamp({ withTimezone: true }),
  /** Set by an administrator's reset: the temporary password must be replaced at the next sign-in. */
  mustChangePassword: boolean().notNull().default(false),
  passwordChangedAt: timestamp({ withTimezone: true }),
  ...timestamps,
}, t => [
  check('staff_users_role_check', sql`${t.role} in ('operator','reviewer','editor','admin','supervisor','justice_bureau')`),
  check('staff_users_username_check', sql`${t.username} ~ '^[A-Za-z0-9_.-]{3,40}$'`),
])

export const staffSessions = pgTable('staff_sessions', {
  /** sha256 of the cookie token: the token itself is never stored. */
  id: text().primaryKey(),
  userId: uuid().notNull().references(() => staffUsers.id, { onDelete: 'cascade' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  revokedAt: timestamp({ withTimezone: true }),
}, t => [index('staff_sessions_user_idx').on(t.userId)])

/**
 * Failed login attempts per client address, for the per-IP limit (shared by all app instances).
 * `usernameKey` (keyed hash of the name tried) is set only for names that do not exist, so they
 * lock out exactly like real accounts; real accounts keep their counter on staff_users.
 */
export const loginAttempts = pgTable('login_attempts', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  ipHash: text().notNull(),
  usernameKey: text(),
  at: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, t => [
  index('login_attempts_ip_at_idx').on(t.ipHash, t.at),
  index('login_attempts_username_at_idx').on(t.usernameKey, t.at),
])

export type StaffUser = typeof staffUsers.$inferSelect
export type StaffSession = typeof staffSessions.$inferSelect
