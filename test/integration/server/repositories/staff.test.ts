import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type DbHandle } from '~~/server/db/client'
import { auditLog, loginAttempts, staffSessions, staffUsers } from '~~/server/db/schema'
import { LOCKOUT_MS } from '~~/server/domain/staff/lockout'
import { changeStaffRole, disableStaff, enableStaff, housekeeping, login, logout, resolveSession, unlockStaff, type StaffDeps } from '~~/server/domain/staff/service'
import { drivers, freshDb, type TestDb } from '../../helpers/db'
import { codeOf, newStaff, STAFF_PASSWORD as PASSWORD, staffTestDeps } from '../../helpers/staff'

const MIN = 60_000
const key = Buffer.alloc(32, 7)

describe.each(drivers())('staff sessions and lockout on %s', (driver) => {
  let t: TestDb
  let clock = new Date('2026-03-02T01:00:00Z')
  const advance = (ms: number) => { clock = new Date(clock.getTime() + ms) }
  const deps = (h: Pick<DbHandle, 'db'> = t): StaffDeps => staffTestDeps(h.db, () => clock, key)
  const newUser = (username: string, role?: 'operator' | 'admin') => newStaff(deps(), username, role)

  beforeAll(async () => { t = await freshDb(driver) })
  afterAll(async () => { await t?.drop() })

  it('creates a session stored as a hash and resolves it to the actor', async () => {
    const u = await newUser('sess.ok')
    const res = await login({ ...deps(), ipHash: 'ip-a' }, { username: 'sess.ok', password: PASSWORD })
    const [row] = await t.db.select().from(staffSessions).where(eq(staffSessions.userId, u.id))
    expect(row!.id).toBe(res.sessionId)
    expect(row!.id).not.toBe(res.token)
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(12 * 60 * MIN)
    expect(await resolveSession(deps(), res.token)).toEqual({ id: u.id, username: 'sess.ok', role: 'operator', sessionId: res.sessionId, mustChangePassword: false })
    expect(await resolveSession(deps(), 'A'.repeat(43))).toBeNull()
  })

  it('slides with activity and ends after 30 idle minutes', async () => {
    await newUser('sess.idle')
    const { token, sessionId } = await login({ ...deps(), ipHash: 'ip-a' }, { username: 'sess.idle', password: PASSWORD })
    advance(29 * MIN)
    expect(await resolveSession(deps(), token)).not.toBeNull()
    const [row] = await t.db.select().from(staffSessions).where(eq(staffSessions.id, sessionId))
    expect(row!.lastSeenAt.getTime()).toBe(clock.getTime())
    advance(30 * MIN - 1)
    expect(await resolveSession(deps(), token)).not.toBeNull()
    advance(30 * MIN)
    expect(await resolveSession(deps(), token)).toBeNull()
  })

  it('throttles last_seen_at writes to once a minute', async () => {
    await newUser('sess.touch')
    const { token, sessionId } = await login({ ...deps(), ipHash: 'ip-a' }, { username: 'sess.touch', password: PASSWORD })
    const created = clock.getTime()
    advance(30_000)
    await resolveSession(deps(), token)
    const [a] = await t.db.select().from(staffSessions).where(eq(staffSessions.id, sessionId))
    expect(a!.lastSeenAt.getTime()).toBe(created)
    advance(30_000)
    await resolveSession(deps(), token)
    const [b] = await t.db.select().from(staffSessions).where(eq(staffSessions.id, sessionId))
    expect(b!.lastSeenAt.getTime()).toBe(created + MIN)
  })

  it('ends at the absolute limit of 12 hours even when active', async () => {
    await newUser('sess.abs')
    const { token } = await login({ ...deps(), ipHash: 'ip-a' }, { username: 'sess.abs', password: PASSWORD })
    for (let i = 0; i < 35; i++) {
      advance(20 * MIN)
      expect(await resolveSession(deps(), token)).not.toBeNull()
    }
    advance(20 * MIN - 1) // 11:59:59.999 after creation
    expect(await resolveSession(deps(), token)).not.toBeNull()
    advance(1)
    expect(await resolveSession(deps(), token)).toBeNull()
  })

  it('logout revokes the session', async () => {
    await newUser('sess.out')
    const { token } = await login({ ...deps(), ipHash: 'ip-a' }, { username: 'sess.out', password: PASSWORD })
    const actor = (await resolveSession(deps(), token))!
    await logout({ ...deps(), ipHash: 'ip-a' }, {}, actor)
    expect(await resolveSession(deps(), token)).toBeNull()
  })

  it('disabling an account revokes all its sessions at once; enabling does not revive them', async () => {
    const u = await newUser('sess.dis')
    const admin = await newUser('sess.admin', 'admin')
    const a = await login({ ...deps(), ipHash: 'ip-a' }, { username: 'sess.dis', password: PASSWORD })
    const b = await login({ ...deps(), ipHash: 'ip-b' }, { username: 'sess.dis', password: PASSWORD })
    const adminSession = await login({ ...deps(), ipHash: 'ip-a' }, { username: 'sess.admin', password: PASSWORD })
    const adminActor = (await resolveSession(deps(), adminSession.token))!
    expect(adminActor.id).toBe(admin.id)
    await disableStaff(deps(), { id: u.id }, adminActor)
    const rows = await t.db.select().from(staffSessions).where(eq(staffSessions.userId, u.id))
    expect(rows).toHaveLength(2)
    expect(rows.every(r => r.revokedAt !== null)).toBe(true)
    expect(await resolveSession(deps(), a.token)).toBeNull()
    expect(await resolveSession(deps(), b.token)).toBeNull()
    expect(await codeOf(login({ ...deps(), ipHash: 'ip-a' }, { username: 'sess.dis', password: PASSWORD }))).toBe('INVALID_CREDENTIALS')
    await enableStaff(deps(), { id: u.id }, adminActor)
    expect(await resolveSession(deps(), a.token)).toBeNull()
    expect(await codeOf(login({ ...deps(), ipHash: 'ip-a' }, { username: 'sess.dis', password: PASSWORD }))).toBe('OK')
    expect(await codeOf(disableStaff(deps(), { id: admin.id }, adminActor))).toBe('CANNOT_DISABLE_SELF')
  })

  it('locks an account after 5 consecutive failures for 15 minutes', async () => {
    const u = await newUser('lock.me')
    for (let i = 1; i <= 4; i++) {
      expect(await codeOf(login({ ...deps(), ipHash: 'ip-l' }, { username: 'lock.me', password: 'wrong-password' }))).toBe('INVALID_CREDENTIALS')
      const [row] = await t.db.select().from(staffUsers).where(eq(staffUsers.id, u.id))
      expect(row!.failedLogins).toBe(i)
      expect(row!.lockedUntil).toBeNull()
    }
    expect(await codeOf(login({ ...deps(), ipHash: 'ip-l' }, { username: 'lock.me', password: 'wrong-password' }))).toBe('INVALID_CREDENTIALS')
    const [locked] = await t.db.select().from(staffUsers).where(eq(staffUsers.id, u.id))
    expect(locked!.lockedUntil!.getTime()).toBe(clock.getTime() + LOCKOUT_MS)
    // Even the right password is refused while locked.
    expect(await codeOf(login({ ...deps(), ipHash: 'ip-l' }, { username: 'lock.me', password: PASSWORD }))).toBe('ACCOUNT_LOCKED')
    advance(LOCKOUT_MS - 1)
    expect(await codeOf(login({ ...deps(), ipHash: 'ip-l' }, { username: 'lock.me', password: PASSWORD }))).toBe('ACCOUNT_LOCKED')
    advance(1)
    expect(await codeOf(login({ ...deps(), ipHash: 'ip-l' }, { username: 'lock.me', password: PASSWORD }))).toBe('OK')
    const [after] = await t.db.select().from(staffUsers).where(eq(staffUsers.id, u.id))
    expect(after!.failedLogins).toBe(0)
  })

  it('a success in between resets the consecutive count', async () => {
    await newUser('lock.reset')
    for (let i = 0; i < 4; i++) await codeOf(login({ ...deps(), ipHash: 'ip-r' }, { username: 'lock.reset', password: 'wrong-password' }))
    expect(await codeOf(login({ ...deps(), ipHash: 'ip-r' }, { username: 'lock.reset', password: PASSWORD }))).toBe('OK')
    for (let i = 0; i < 4; i++) await codeOf(login({ ...deps(), ipHash: 'ip-r' }, { username: 'lock.reset', password: 'wrong-password' }))
    expect(await codeOf(login({ ...deps(), ipHash: 'ip-r' }, { username: 'lock.reset', password: PASSWORD }))).toBe('OK')
  })

  it('an unknown username locks after 5 failures exactly like a real one', async () => {
    for (let i = 0; i < 5; i++) {
      expect(await codeOf(login({ ...deps(), ipHash: 'ip-u' }, { username: 'no.such.user', password: 'wrong-password' }))).toBe('INVALID_CREDENTIALS')
    }
    expect(await codeOf(login({ ...deps(), ipHash: 'ip-u' }, { username: 'no.such.user', password: 'wrong-password' }))).toBe('ACCOUNT_LOCKED')
    const rows = await t.db.select().from(loginAttempts).where(eq(loginAttempts.ipHash, 'ip-u'))
    expect(rows).toHaveLength(6)
    expect(rows.filter(r => r.usernameKey !== null)).toHaveLength(5)
    expect(rows.some(r => r.usernameKey?.includes('no.such'))).toBe(false)
    advance(LOCKOUT_MS)
    expect(await codeOf(login({ ...deps(), ipHash: 'ip-u' }, { username: 'no.such.user', password: 'wrong-password' }))).toBe('INVALID_CREDENTIALS')
  })

  it('refused attempts during a lockout do not extend it', async () => {
    const u = await newUser('lock.noextend')
    for (let i = 0; i < 5; i++) await codeOf(login({ ...deps(), ipHash: 'ip-ne' }, { username: 'lock.noextend', password: 'wrong-password' }))
    const [locked] = await t.db.select().from(staffUsers).where(eq(staffUsers.id, u.id))
    const until = locked!.lockedUntil!.getTime()
    for (let i = 0; i < 6; i++) {
      advance(2 * MIN)
      expect(await codeOf(login({ ...deps(), ipHash: 'ip-ne' }, { username: 'lock.noextend', password: i % 2 ? PASSWORD : 'wrong-password' }))).toBe('ACCOUNT_LOCKED')
    }
    const [still] = await t.db.select().from(staffUsers).where(eq(staffUsers.id, u.id))
    expect(still!.lockedUntil!.getTime()).toBe(until)
    expect(still!.failedLogins).toBe(0)
    clock = new Date(until)
    expect(await codeOf(login({ ...deps(), ipHash: 'ip-ne' }, { username: 'lock.noextend', password: PASSWORD }))).toBe('OK')
  })

  it('an administrator unlocks a locked account at once (audited)', async () => {
    const admin = await newUser('unlock.admin', 'admin')
    const u = await newUser('unlock.me')
    for (let i = 0; i < 5; i++) await codeOf(login({ ...deps(), ipHash: 'ip-un' }, { username: 'unlock.me', password: 'wrong-password' }))
    expect(await codeOf(login({ ...deps(), ipHash: 'ip-un' }, { username: 'unlock.me', password: PASSWORD }))).toBe('ACCOUNT_LOCKED')
    const after = await unlockStaff({ ...deps(), ipHash: 'ip-admin' }, { id: u.id }, { id: admin.id, role: 'admin', username: admin.username })
    expect(after.lockedUntil).toBeNull()
    expect(await codeOf(login({ ...deps(), ipHash: 'ip-un' }, { username: 'unlock.me', password: PASSWORD }))).toBe('OK')
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.action, 'staff.unlock'))
    expect(rows.find(r => r.objectId === u.id)).toMatchObject({ actorId: admin.id, detail: { wasLocked: true } })
    expect(await codeOf(unlockStaff(deps(), { id: '00000000-0000-4000-8000-000000000000' }, 'cli'))).toBe('STAFF_NOT_FOUND')
  })

  it('a flood of wrong passwords from one address locks at most 4 accounts, then is refused without touching accounts', async () => {
    const names = Array.from({ length: 8 }, (_, i) => `flood.user${i}`)
    for (const n of names) await newUser(n)
    let tries = 0
    for (let round = 0; round < 5; round++) {
      for (const n of names) {
        const code = await codeOf(login({ ...deps(), ipHash: 'ip-flood' }, { username: n, password: 'wrong-password' }))
        expect(['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'TOO_MANY_ATTEMPTS']).toContain(code)
        tries++
      }
    }
    expect(tries).toBe(40)
    const rows = await t.db.select().from(staffUsers)
    const locked = rows.filter(r => names.includes(r.username) && r.lockedUntil && r.lockedUntil > clock)
    expect(locked.length).toBeLessThanOrEqual(4)
    // Every account still signs in from anywhere else.
    for (const n of names.filter(n => !locked.some(l => l.username === n))) {
      expect(await codeOf(login({ ...deps(), ipHash: 'ip-home' }, { username: n, password: PASSWORD }))).toBe('OK')
    }
  })

  it('limits failures per address across app instances', async () => {
    // Two "instances": two pools on the same PostgreSQL database (PGlite has one owner: one handle).
    const second = t.url ? await openDb({ databaseUrl: t.url, poolMax: 2 }) : t
    try {
      for (let i = 0; i < 20; i++) {
        const h = i % 2 === 0 ? t : second
        expect(await codeOf(login({ ...deps(h), ipHash: 'ip-shared' }, { username: `ip.user${i}`, password: 'wrong-password' }))).toBe('INVALID_CREDENTIALS')
      }
      expect(await codeOf(login({ ...deps(second), ipHash: 'ip-shared' }, { username: 'ip.other', password: 'wrong-password' }))).toBe('TOO_MANY_ATTEMPTS')
      expect(await codeOf(login({ ...deps(t), ipHash: 'ip-shared' }, { username: 'ip.other', password: 'wrong-password' }))).toBe('TOO_MANY_ATTEMPTS')
      // Another address is not affected; the window is 15 minutes.
      expect(await codeOf(login({ ...deps(t), ipHash: 'ip-elsewhere' }, { username: 'ip.other', password: 'wrong-password' }))).toBe('INVALID_CREDENTIALS')
      advance(LOCKOUT_MS + 1)
      expect(await codeOf(login({ ...deps(second), ipHash: 'ip-shared' }, { username: 'ip.other2', password: 'wrong-password' }))).toBe('INVALID_CREDENTIALS')
    } finally {
      if (second !== t) await second.close()
    }
  })

  it('housekeeping forgets attempts older than a day and sessions ended over a week ago', async () => {
    await newUser('house.keep')
    const { sessionId } = await login({ ...deps(), ipHash: 'ip-h' }, { username: 'house.keep', password: PASSWORD })
    await codeOf(login({ ...deps(), ipHash: 'ip-h' }, { username: 'house.keep', password: 'wrong-password' }))
    await housekeeping({ db: t.db, now: () => clock })
    expect(await t.db.select().from(loginAttempts).where(eq(loginAttempts.ipHash, 'ip-h'))).toHaveLength(1)
    expect(await t.db.select().from(staffSessions).where(eq(staffSessions.id, sessionId))).toHaveLength(1)
    await housekeeping({ db: t.db, now: () => new Date(clock.getTime() + 12 * 60 * MIN + 7 * 24 * 60 * MIN + 1) })
    expect(await t.db.select().from(loginAttempts).where(eq(loginAttempts.ipHash, 'ip-h'))).toHaveLength(0)
    expect(await t.db.select().from(staffSessions).where(eq(staffSessions.id, sessionId))).toHaveLength(0)
  })

  it('a role change is audited with from/to and ends the account\'s sessions; nobody changes their own role', async () => {
    const u = await newUser('role.change')
    await newUser('role.admin', 'admin')
    const { token } = await login({ ...deps(), ipHash: 'ip-a' }, { username: 'role.change', password: PASSWORD })
    const admin = (await resolveSession(deps(), (await login({ ...deps(), ipHash: 'ip-a' }, { username: 'role.admin', password: PASSWORD })).token))!
    const changed = await changeStaffRole({ ...deps(), ipHash: 'ip-a' }, { id: u.id, role: 'reviewer' }, admin)
    expect(changed.role).toBe('reviewer')
    expect(await resolveSession(deps(), token)).toBeNull()
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'staff.role_change'))
    expect(row).toMatchObject({ actorId: admin.id, actorRole: 'admin', objectId: u.id, detail: { from: 'operator', to: 'reviewer', revokedSessions: 1 } })
    expect(await codeOf(changeStaffRole(deps(), { id: admin.id, role: 'editor' }, admin))).toBe('CANNOT_CHANGE_OWN_ROLE')
    expect(await codeOf(changeStaffRole(deps(), { id: '00000000-0000-4000-8000-000000000000', role: 'editor' }, admin))).toBe('STAFF_NOT_FOUND')
  })
})
