// Staff accounts, sessions and login attempts: drizzle queries only, no policy.
import { and, asc, count, eq, gte, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import { loginAttempts, staffSessions, staffUsers, type StaffSession, type StaffUser } from '../db/schema'
import type { StaffRole } from '../../shared/types/staff'

export async function findStaffByUsername(db: DbOrTx, username: string): Promise<StaffUser | undefined> {
  const [u] = await db.select().from(staffUsers).where(eq(staffUsers.username, username)).limit(1)
  return u
}

export async function findStaffById(db: DbOrTx, id: string): Promise<StaffUser | undefined> {
  const [u] = await db.select().from(staffUsers).where(eq(staffUsers.id, id)).limit(1)
  return u
}

/** Locks the account row for the rest of the transaction (counter updates). */
export async function lockStaffRow(tx: DbOrTx, id: string): Promise<StaffUser | undefined> {
  const [u] = await tx.select().from(staffUsers).where(eq(staffUsers.id, id)).for('update').limit(1)
  return u
}

export async function listStaff(db: DbOrTx): Promise<StaffUser[]> {
  return db.select().from(staffUsers).orderBy(asc(staffUsers.username))
}

export interface NewStaff { username: string, displayName: string, role: StaffRole, passwordHash: string }

export async function insertStaff(tx: DbOrTx, s: NewStaff): Promise<StaffUser> {
  const [u] = await tx.insert(staffUsers).values(s).returning()
  return u!
}

/** Inserts unless the username exists; returns the new row or undefined. */
export async function insertStaffIfAbsent(tx: DbOrTx, s: NewStaff): Promise<StaffUser | undefined> {
  const [u] = await tx.insert(staffUsers).values(s).onConflictDoNothing({ target: staffUsers.username }).returning()
  return u
}

export async function setLockState(tx: DbOrTx, id: string, failedLogins: number, lockedUntil: Date | null): Promise<void> {
  await tx.update(staffUsers).set({ failedLogins, lockedUntil, updatedAt: sql`now()` }).where(eq(staffUsers.id, id))
}

export async function setDisabled(tx: DbOrTx, id: string, disabledAt: Date | null): Promise<StaffUser | undefined> {
  const [u] = await tx.update(staffUsers)
    .set({ disabledAt, updatedAt: sql`now()`, ...(disabledAt ? {} : { failedLogins: 0, lockedUntil: null }) })
    .where(eq(staffUsers.id, id)).returning()
  return u
}

export async function setRole(tx: DbOrTx, id: string, role: StaffRole): Promise<StaffUser | undefined> {
  const [u] = await tx.update(staffUsers).set({ role, updatedAt: sql`now()` }).where(eq(staffUsers.id, id)).returning()
  return u
}

/** Replaces the password hash; `mustChangePassword` marks a temporary one (an administrator's reset). */
export async function setPassword(tx: DbOrTx, id: string, p: { passwordHash: string, mustChangePassword: boolean, at: Date }): Promise<StaffUser | undefined> {
  const [u] = await tx.update(staffUsers)
    .set({ passwordHash: p.passwordHash, mustChangePassword: p.mustChangePassword, passwordChangedAt: p.at, updatedAt: sql`now()` })
    .where(eq(staffUsers.id, id)).returning()
  return u
}

// Sessions ------------------------------------------------------------------------------------

export async function insertSession(tx: DbOrTx, s: { id: string, userId: string, createdAt: Date, expiresAt: Date }): Promise<void> {
  await tx.insert(staffSessions).values({ id: s.id, userId: s.userId, createdAt: s.createdAt, lastSeenAt: s.createdAt, expiresAt: s.expiresAt })
}

export async function findSessionWithUser(db: DbOrTx, id: string): Promise<{ session: StaffSession, user: StaffUser } | undefined> {
  const [r] = await db.select({ session: staffSessions, user: staffUsers })
    .from(staffSessions).innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(eq(staffSessions.id, id)).limit(1)
  return r
}

/** Slides the session; only moves forward and never revives a revoked one. */
export async function touchSession(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(staffSessions).set({ lastSeenAt: at })
    .where(and(eq(staffSessions.id, id), isNull(staffSessions.revokedAt), lt(staffSessions.lastSeenAt, at)))
}

export async function revokeSession(tx: DbOrTx, id: string, at: Date): Promise<boolean> {
  const r = await tx.update(staffSessions).set({ revokedAt: at })
    .where(and(eq(staffSessions.id, id), isNull(staffSessions.revokedAt))).returning({ id: staffSessions.id })
  return r.length > 0
}

/** Ends every open session of the account (but `keep`, the one in use, when given). */
export async function revokeUserSessions(tx: DbOrTx, userId: string, at: Date, keep?: string): Promise<number> {
  const r = await tx.update(staffSessions).set({ revokedAt: at })
    .where(and(eq(staffSessions.userId, userId), isNull(staffSessions.revokedAt), keep ? ne(staffSessions.id, keep) : undefined)).returning({ id: staffSessions.id })
  return r.length
}

/** Removes sessions that ended long ago (housekeeping; audit keeps the history). */
export async function deleteSessionsEndedBefore(db: DbOrTx, before: Date): Promise<void> {
  await db.delete(staffSessions).where(sql`${staffSessions.expiresAt} < ${before.toISOString()} or (${staffSessions.revokedAt} is not null and ${staffSessions.revokedAt} < ${before.toISOString()})`)
}

// Login attempts ------------------------------------------------------------------------------

export async function recordFailedAttempt(tx: DbOrTx, a: { ipHash: string, usernameKey: string | null, at: Date }): Promise<void> {
  await tx.insert(loginAttempts).values(a)
}

export async function countIpFailuresSince(db: DbOrTx, ipHash: string, since: Date): Promise<number> {
  const [r] = await db.select({ n: count() }).from(loginAttempts).where(and(eq(loginAttempts.ipHash, ipHash), gte(loginAttempts.at, since)))
  return Number(r?.n ?? 0)
}

export async function usernameFailuresSince(db: DbOrTx, usernameKey: string, since: Date): Promise<Date[]> {
  const rows = await db.select({ at: loginAttempts.at }).from(loginAttempts)
    .where(and(eq(loginAttempts.usernameKey, usernameKey), isNotNull(loginAttempts.usernameKey), gte(loginAttempts.at, since)))
    .orderBy(asc(loginAttempts.at))
  return rows.map(r => r.at)
}

export async function deleteAttemptsBefore(db: DbOrTx, before: Date): Promise<void> {
  await db.delete(loginAttempts).where(lt(loginAttempts.at, before))
}
