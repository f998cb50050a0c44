// Staff use cases: sign in, resolve a session, sign out, create/disable/enable accounts, change
// roles. Framework-free (no h3, no Nitro): the routes, the CLI and the seed call these. Every
// change writes its audit row in the same transaction.
import { createHmac } from 'node:crypto'
import type { Db, DbOrTx } from '../../db/client'
import type { StaffUser } from '../../db/schema'
import { writeAudit } from '../../repositories/audit'
import * as repo from '../../repositories/staff'
import type { MeDto, StaffAccountDto, StaffRole } from '../../../shared/types/staff'
import { toStaffAccountDto, toStaffUserDto } from './dto'
import { DomainError } from '../errors'
import { auditActorOf, type Actor, type ActorRef, type AuditActor } from '../platform/actor'
import { afterFailure, afterSuccess, ipLimited, ipWindowStart, isLocked, replayFailures, UNKNOWN_USER_MEMORY_MS, type LockState } from './lockout'
import { assertPasswordAcceptable, burnPasswordCheck, hashPassword, verifyPassword } from './password'
import { absoluteExpiry, looksLikeToken, newSessionToken, sessionIdOf, sessionVerdict, shouldTouch, type SessionPolicy } from './session'

/**
 * The platform's Actor as a signed-in session resolves it. `mustChangePassword`: an administrator
 * reset the password, and until the member sets their own only the password page is open to them.
 */
export interface SessionActor extends Actor { sessionId: string, mustChangePassword: boolean }

export interface StaffDeps {
  db: Db
  now: () => Date
  policy: SessionPolicy
  /** Key for the keyed hash of usernames (unknown-name lockout); the app's crypto key. */
  key: Buffer
  /** The request's hashed address, for the audit (null from the CLI and the seed). */
  ipHash?: string | null
}

export { auditActorOf }

export function usernameKey(key: Buffer, username: string): string {
  return createHmac('sha256', key).update('login-username:').update(username).digest('base64url').slice(0, 32)
}

export const INVALID_CREDENTIALS = () => new DomainError('INVALID_CREDENTIALS')
export const ACCOUNT_LOCKED = () => new DomainError('ACCOUNT_LOCKED')
export const TOO_MANY_ATTEMPTS = () => new DomainError('TOO_MANY_ATTEMPTS')

export interface LoginOk { user: StaffUser, token: string, sessionId: string, expiresAt: Date }

/**
 * Signs in. Unknown names and wrong passwords get the same answer after the same work (a dummy
 * argon2 verification), and unknown names lock out after 5 failures like real accounts do.
 */
export async function login(d: StaffDeps & { ipHash: string }, input: { username: string, password: string }): Promise<LoginOk> {
  const ipHash = d.ipHash
  const now = d.now()
  const ipFailures = await repo.countIpFailuresSince(d.db, ipHash, ipWindowStart(now))
  if (ipLimited(ipFailures)) {
    await burnPasswordCheck(input.password)
    await d.db.transaction(async (tx) => {
      await repo.recordFailedAttempt(tx, { ipHash: ipHash, usernameKey: null, at: now })
      await writeAudit(tx, { actor: null, action: 'auth.login', ipHash: ipHash, outcome: 'denied', detail: { reason: 'ip_limited' } })
    })
    throw TOO_MANY_ATTEMPTS()
  }

  const user = await repo.findStaffByUsername(d.db, input.username)
  const nameKey = user ? null : usernameKey(d.key, input.username)
  const lock: LockState = user
    ? { failedLogins: user.failedLogins, lockedUntil: user.lockedUntil }
    : replayFailures(await repo.usernameFailuresSince(d.db, nameKey!, new Date(now.getTime() - UNKNOWN_USER_MEMORY_MS)), now)

  if (isLocked(lock, now)) {
    await burnPasswordCheck(input.password)
    await d.db.transaction(async (tx) => {
      await repo.recordFailedAttempt(tx, { ipHash: ipHash, usernameKey: null, at: now })
      await writeAudit(tx, { actor: null, action: 'auth.login', objectType: user ? 'staff_user' : null, objectId: user?.id ?? null, ipHash: ipHash, outcome: 'denied', detail: { reason: 'locked' } })
    })
    throw ACCOUNT_LOCKED()
  }

  const passwordOk = user ? await verifyPassword(user.passwordHash, input.password) : await burnPasswordCheck(input.password)
  if (!user || !passwordOk || user.disabledAt) {
    await d.db.transaction(async (tx) => {
      await repo.recordFailedAttempt(tx, { ipHash: ipHash, usernameKey: nameKey, at: now })
      let justLocked = false
      if (user) {
        const row = await repo.lockStaffRow(tx, user.id)
        if (row && !row.disabledAt) {
          const next = afterFailure({ failedLogins: row.failedLogins, lockedUntil: row.lockedUntil }, now)
          justLocked = next.justLocked
          await repo.setLockState(tx, user.id, next.failedLogins, next.lockedUntil)
        }
      } else {
        justLocked = replayFailures([...await repo.usernameFailuresSince(tx, nameKey!, new Date(now.getTime() - UNKNOWN_USER_MEMORY_MS))], now).lockedUntil !== null
      }
      const reason = !user ? 'unknown_user' : user.disabledAt ? 'disabled' : 'bad_password'
      await writeAudit(tx, { actor: null, action: 'auth.login', objectType: user ? 'staff_user' : null, objectId: user?.id ?? null, ipHash: ipHash, outcome: 'failed', detail: { reason } })
      if (justLocked) {
        await writeAudit(tx, { actor: null, action: 'auth.lockout', objectType: user ? 'staff_user' : null, objectId: user?.id ?? null, ipHash: ipHash, outcome: 'denied', detail: { minutes: 15, known: Boolean(user) } })
      }
    })
    throw INVALID_CREDENTIALS()
  }

  const { token, id } = newSessionToken()
  const expiresAt = absoluteExpiry(now, d.policy)
  await d.db.transaction(async (tx) => {
    const reset = afterSuccess()
    await repo.setLockState(tx, user.id, reset.failedLogins, reset.lockedUntil)
    await repo.insertSession(tx, { id, userId: user.id, createdAt: now, expiresAt })
    await writeAudit(tx, { actor: { id: user.id, role: user.role }, action: 'auth.login', objectType: 'staff_session', objectId: id.slice(0, 12), ipHash: ipHash, outcome: 'ok' })
  })
  if (Math.random() < HOUSEKEEPING_CHANCE) await housekeeping({ db: d.db, now: () => now }).catch(() => { /* best effort */ })
  return { user, token, sessionId: id, expiresAt }
}

const HOUSEKEEPING_CHANCE = 0.02

/** Forgets old login attempts (after a day) and sessions that ended more than a week ago. */
export async function housekeeping(deps: Pick<StaffDeps, 'db' | 'now'>): Promise<void> {
  const { db } = deps
  const now = deps.now()
  await repo.deleteAttemptsBefore(db, new Date(now.getTime() - UNKNOWN_USER_MEMORY_MS))
  await repo.deleteSessionsEndedBefore(db, new Date(now.getTime() - 7 * 24 * 3_600_000))
}

/** The signed-in staff member for a cookie token, or null. Slides last_seen_at at most once a minute. */
export async function resolveSession(d: StaffDeps, token: unknown): Promise<SessionActor | null> {
  if (!looksLikeToken(token)) return null
  const id = sessionIdOf(token)
  const found = await repo.findSessionWithUser(d.db, id)
  if (!found) return null
  const now = d.now()
  if (found.user.disabledAt) return null
  if (sessionVerdict(found.session, now, d.policy) !== 'valid') return null
  if (shouldTouch(found.session, now, d.policy)) await repo.touchSession(d.db, id, now)
  return { id: found.user.id, username: found.user.username, role: found.user.role, sessionId: id, mustChangePassword: found.user.mustChangePassword }
}

export async function logout(d: StaffDeps, _input: Record<string, never>, actor: SessionActor): Promise<void> {
  const ipHash = d.ipHash ?? null
  await d.db.transaction(async (tx) => {
    await repo.revokeSession(tx, actor.sessionId, d.now())
    await writeAudit(tx, { actor: auditActorOf(actor), action: 'auth.logout', objectType: 'staff_session', objectId: actor.sessionId.slice(0, 12), ipHash })
  })
}

export interface CreateStaffInput { username: string, displayName: string, role: StaffRole, password: string }

/** Creates an account (password policy checked, argon2id hash). A taken name fails on the unique constraint. */
export async function createStaff(d: Pick<StaffDeps, 'db' | 'ipHash'> & { tx?: DbOrTx }, input: CreateStaffInput, by: AuditActor): Promise<StaffUser> {
  const ipHash = d.ipHash ?? null
  const tx = d.tx
  assertPasswordAcceptable(input.password, { username: input.username })
  const passwordHash = await hashPassword(input.password)
  const run = async (t: DbOrTx) => {
    const user = await repo.insertStaff(t, { username: input.username, displayName: input.displayName, role: input.role, passwordHash })
    await writeAudit(t, { actor: by, action: 'staff.create', objectType: 'staff_user', objectId: user.id, ipHash, detail: { role: user.role } })
    return user
  }
  return tx ? run(tx) : d.db.transaction(run)
}

const NOT_FOUND = () => new DomainError('STAFF_NOT_FOUND')

/** Disables an account and revokes all its sessions in the same transaction. */
export async function disableStaff(d: StaffDeps, input: { id: string }, by: ActorRef | 'cli'): Promise<StaffUser> {
  const { id } = input
  const ipHash = d.ipHash ?? null
  if (by !== 'cli' && by.id === id) throw new DomainError('CANNOT_DISABLE_SELF')
  return d.db.transaction(async (tx) => {
    const now = d.now()
    const user = await repo.setDisabled(tx, id, now)
    if (!user) throw NOT_FOUND()
    const revoked = await repo.revokeUserSessions(tx, id, now)
    await writeAudit(tx, { actor: by === 'cli' ? 'cli' : auditActorOf(by), action: 'staff.disable', objectType: 'staff_user', objectId: id, ipHash, detail: { revokedSessions: revoked } })
    return user
  })
}

export async function enableStaff(d: StaffDeps, input: { id: string }, by: ActorRef | 'cli'): Promise<StaffUser> {
  const { id } = input
  const ipHash = d.ipHash ?? null
  return d.db.transaction(async (tx) => {
    const user = await repo.setDisabled(tx, id, null)
    if (!user) throw NOT_FOUND()
    await writeAudit(tx, { actor: by === 'cli' ? 'cli' : auditActorOf(by), action: 'staff.enable', objectType: 'staff_user', objectId: id, ipHash })
    return user
  })
}

/** Changes a role; the account's sessions are revoked so the new role applies from the next sign-in. */
export async function changeStaffRole(d: StaffDeps, input: { id: string, role: StaffRole }, by: ActorRef): Promise<StaffUser> {
  const { id, role } = input
  const ipHash = d.ipHash ?? null
  if (by.id === id) throw new DomainError('CANNOT_CHANGE_OWN_ROLE')
  return d.db.transaction(async (tx) => {
    const before = await repo.lockStaffRow(tx, id)
    if (!before) throw NOT_FOUND()
    const user = await repo.setRole(tx, id, role)
    const revoked = await repo.revokeUserSessions(tx, id, d.now())
    await writeAudit(tx, { actor: auditActorOf(by), action: 'staff.role_change', objectType: 'staff_user', objectId: id, ipHash, detail: { from: before.role, to: role, revokedSessions: revoked } })
    return user!
  })
}

/**
 * Lifts a lockout now (an administrator, after checking who is asking): the failure count starts
 * afresh. Audited with whether the account was locked at that moment.
 */
export async function unlockStaff(d: StaffDeps, input: { id: string }, by: ActorRef | 'cli'): Promise<StaffUser> {
  const { id } = input
  const ipHash = d.ipHash ?? null
  return d.db.transaction(async (tx) => {
    const before = await repo.lockStaffRow(tx, id)
    if (!before) throw NOT_FOUND()
    const now = d.now()
    const reset = afterSuccess()
    await repo.setLockState(tx, id, reset.failedLogins, reset.lockedUntil)
    await writeAudit(tx, { actor: by === 'cli' ? 'cli' : auditActorOf(by), action: 'staff.unlock', objectType: 'staff_user', objectId: id, ipHash, detail: { wasLocked: isLocked(before, now), failedLogins: before.failedLogins } })
    return (await repo.findStaffById(tx, id))!
  })
}

// ---- reads for the signed-in and for administrators ---------------------------------------------

/** The signed-in account; a session whose account no longer exists is UNAUTHENTICATED. */
export async function readOwnAccount(d: Pick<StaffDeps, 'db'>, _input: Record<string, never>, actor: ActorRef): Promise<MeDto> {
  const user = await repo.findStaffById(d.db, actor.id)
  if (!user) throw new DomainError('UNAUTHENTICATED')
  return { user: toStaffUserDto(user) }
}

export async function listStaffAccounts(d: Pick<StaffDeps, 'db'>): Promise<StaffAccountDto[]> {
  return (await repo.listStaff(d.db)).map(u => toStaffAccountDto(u))
}

export const CURRENT_PASSWORD_WRONG = () => new DomainError('CURRENT_PASSWORD_WRONG')

/**
 * A signed-in member changes their own password. The current password is required (a session
 * left open on a shared computer is not enough) and wrong answers count toward the same lockout as
 * failed sign-ins: the one that locks the account also ends all its sessions. On success the new
 * password (policy checked) replaces the old, a pending reset is cleared, and every other session
 * of the member ends; the session in use stays. Audited either way, never with the passwords.
 */
export async function changeOwnPassword(
  d: StaffDeps, input: { currentPassword: string, newPassword: string }, actor: SessionActor,
): Promise<StaffUser> {
  const ipHash = d.ipHash ?? null
  const now = d.now()
  const user = await repo.findStaffById(d.db, actor.id)
  if (!user || user.disabledAt) throw new DomainError('UNAUTHENTICATED')
  if (isLocked(user, now)) {
    await burnPasswordCheck(input.currentPassword)
    throw ACCOUNT_LOCKED()
  }
  if (!await verifyPassword(user.passwordHash, input.currentPassword)) {
    await d.db.transaction(async (tx) => {
      const row = await repo.lockStaffRow(tx, user.id)
      if (!row) return
      const next = afterFailure({ failedLogins: row.failedLogins, lockedUntil: row.lockedUntil }, now)
      await repo.setLockState(tx, user.id, next.failedLogins, next.lockedUntil)
      const revoked = next.justLocked ? await repo.revokeUserSessions(tx, user.id, now) : 0
      await writeAudit(tx, { actor: auditActorOf(actor), action: 'staff.password_change', objectType: 'staff_user', objectId: user.id, ipHash, outcome: 'failed', detail: { reason: 'wrong_current_password', ...(next.justLocked ? { locked: true, revokedSessions: revoked } : {}) } })
    })
    throw CURRENT_PASSWORD_WRONG()
  }
  if (input.newPassword === input.currentPassword) throw new DomainError('PASSWORD_UNCHANGED')
  assertPasswordAcceptable(input.newPassword, { username: user.username })
  const passwordHash = await hashPassword(input.newPassword)
  return d.db.transaction(async (tx) => {
    const updated = await repo.setPassword(tx, user.id, { passwordHash, mustChangePassword: false, at: now })
    const revoked = await repo.revokeUserSessions(tx, user.id, now, actor.sessionId)
    const reset = afterSuccess()
    await repo.setLockState(tx, user.id, reset.failedLogins, reset.lockedUntil)
    await writeAudit(tx, { actor: auditActorOf(actor), action: 'staff.password_change', objectType: 'staff_user', objectId: user.id, ipHash, detail: { otherSessionsRevoked: revoked, wasTemporary: user.mustChangePassword } })
    return updated!
  })
}

/**
 * An administrator resets another member's password to a temporary one (policy checked), which
 * the member must replace at the next sign-in; all the member's sessions end now and a lockout is
 * lifted. Administrators change their own password on the password page instead.
 */
export async function resetStaffPassword(
  d: StaffDeps, input: { id: string, temporaryPassword: string }, by: ActorRef | 'cli',
): Promise<StaffUser> {
  const { id } = input
  const ipHash = d.ipHash ?? null
  if (by !== 'cli' && by.id === id) throw new DomainError('CANNOT_RESET_OWN_PASSWORD')
  const target = await repo.findStaffById(d.db, id)
  if (!target) throw NOT_FOUND()
  assertPasswordAcceptable(input.temporaryPassword, { username: target.username })
  const passwordHash = await hashPassword(input.temporaryPassword)
  return d.db.transaction(async (tx) => {
    const now = d.now()
    const before = await repo.lockStaffRow(tx, id)
    if (!before) throw NOT_FOUND()
    const user = await repo.setPassword(tx, id, { passwordHash, mustChangePassword: true, at: now })
    const revoked = await repo.revokeUserSessions(tx, id, now)
    const reset = afterSuccess()
    await repo.setLockState(tx, id, reset.failedLogins, reset.lockedUntil)
    await writeAudit(tx, { actor: by === 'cli' ? 'cli' : auditActorOf(by), action: 'staff.password_reset', objectType: 'staff_user', objectId: id, ipHash, detail: { revokedSessions: revoked, wasLocked: isLocked(before, now) } })
    return user!
  })
}
