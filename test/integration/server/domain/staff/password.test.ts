// Own password change and an administrator's reset (issue 8), on a real database.
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, staffUsers } from '~~/server/db/schema'
import { changeOwnPassword, login, resetStaffPassword, resolveSession, type StaffDeps } from '~~/server/domain/staff/service'
import { drivers, freshDb, type TestDb } from '../../../helpers/db'
import { codeOf, newStaff, STAFF_PASSWORD as PASSWORD, staffTestDeps } from '../../../helpers/staff'

const NEW_PASSWORD = 'Xin-Mi-Ma-2026!'
const TEMP = 'Lin-Shi-Mi-Ma-88'
const key = Buffer.alloc(32, 9)

describe.each(drivers())('password change and reset on %s', (driver) => {
  let t: TestDb
  const clock = new Date('2026-03-02T01:00:00Z')
  const deps = (): StaffDeps => staffTestDeps(t.db, () => clock, key)
  const newUser = (username: string, role?: 'operator' | 'admin') => newStaff(deps(), username, role)
  let lastToken = ''
  const signIn = async (username: string, password = PASSWORD) => {
    const ok = await login({ ...deps(), ipHash: `ip-${username}` }, { username, password })
    lastToken = ok.token
    return (await resolveSession(deps(), ok.token))!
  }
  const auditOf = (action: string, id: string) => t.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.objectId, id)))

  beforeAll(async () => { t = await freshDb(driver) })
  afterAll(async () => { await t?.drop() })

  it('changes the own password with the current one, ends the other sessions and keeps this one', async () => {
    const u = await newUser('pw.own')
    const here = await signIn('pw.own')
    const hereToken = lastToken
    const elsewhere = await login({ ...deps(), ipHash: 'ip-b' }, { username: 'pw.own', password: PASSWORD })
    await changeOwnPassword({ ...deps(), ipHash: 'ip-a' }, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, here)
    expect(await resolveSession(deps(), elsewhere.token)).toBeNull()
    expect(await resolveSession(deps(), hereToken)).toMatchObject({ id: u.id, mustChangePassword: false })
    const [row] = await t.db.select().from(staffUsers).where(eq(staffUsers.id, u.id))
    expect(row!.passwordChangedAt?.getTime()).toBe(clock.getTime())
    expect(await codeOf(login({ ...deps(), ipHash: 'ip-c' }, { username: 'pw.own', password: PASSWORD }))).toBe('INVALID_CREDENTIALS')
    expect(await codeOf(login({ ...deps(), ipHash: 'ip-c' }, { username: 'pw.own', password: NEW_PASSWORD }))).toBe('OK')
    const [audit] = await auditOf('staff.password_change', u.id)
    expect(audit!.outcome).toBe('ok')
    expect(audit!.detail).toEqual({ otherSessionsRevoked: 1, wasTemporary: false })
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD)
  })

  it('refuses a wrong current password, a weak or unchanged new one, and locks after five wrong answers', async () => {
    const u = await newUser('pw.wrong')
    const me = await signIn('pw.wrong')
    const token = lastToken
    expect(await codeOf(changeOwnPassword(deps(), { currentPassword: PASSWORD, newPassword: 'short' }, me))).toBe('WEAK_PASSWORD')
    expect(await codeOf(changeOwnPassword(deps(), { currentPassword: PASSWORD, newPassword: 'pw.wrong-and-more' }, me))).toBe('WEAK_PASSWORD')
    expect(await codeOf(changeOwnPassword(deps(), { currentPassword: PASSWORD, newPassword: PASSWORD }, me))).toBe('PASSWORD_UNCHANGED')
    for (let i = 0; i < 4; i++) {
      expect(await codeOf(changeOwnPassword(deps(), { currentPassword: `Wrong-${i}-password`, newPassword: NEW_PASSWORD }, me))).toBe('CURRENT_PASSWORD_WRONG')
    }
    expect(await resolveSession(deps(), token)).not.toBeNull()
    // the fifth wrong answer locks the account and ends its sessions
    expect(await codeOf(changeOwnPassword(deps(), { currentPassword: 'Wrong-5-password', newPassword: NEW_PASSWORD }, me))).toBe('CURRENT_PASSWORD_WRONG')
    const [row] = await t.db.select().from(staffUsers).where(eq(staffUsers.id, u.id))
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(clock.getTime())
    expect(await resolveSession(deps(), token)).toBeNull()
    expect(await codeOf(changeOwnPassword(deps(), { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, me))).toBe('ACCOUNT_LOCKED')
    const failed = await auditOf('staff.password_change', u.id)
    expect(failed).toHaveLength(5)
    expect(failed.every(r => r.outcome === 'failed')).toBe(true)
    expect(failed.at(-1)!.detail).toMatchObject({ locked: true, revokedSessions: 1 })
  })

  it('an administrator resets a password: sessions end, a lockout lifts, the next sign-in must change it', async () => {
    const admin = await signIn((await newUser('pw.admin', 'admin')).username)
    const u = await newUser('pw.reset')
    const old = await login({ ...deps(), ipHash: 'ip-r' }, { username: 'pw.reset', password: PASSWORD })
    expect(await codeOf(resetStaffPassword(deps(), { id: u.id, temporaryPassword: 'pw.reset-temp-1' }, admin))).toBe('WEAK_PASSWORD')
    expect(await codeOf(resetStaffPassword(deps(), { id: admin.id, temporaryPassword: TEMP }, admin))).toBe('CANNOT_RESET_OWN_PASSWORD')
    expect(await codeOf(resetStaffPassword(deps(), { id: '00000000-0000-4000-8000-000000000000', temporaryPassword: TEMP }, admin))).toBe('STAFF_NOT_FOUND')

    await resetStaffPassword({ ...deps(), ipHash: 'ip-admin' }, { id: u.id, temporaryPassword: TEMP }, admin)
    expect(await resolveSession(deps(), old.token)).toBeNull()
    expect(await codeOf(login({ ...deps(), ipHash: 'ip-r' }, { username: 'pw.reset', password: PASSWORD }))).toBe('INVALID_CREDENTIALS')
    const pending = await signIn('pw.reset', TEMP)
    const pendingToken = lastToken
    expect(pending.mustChangePassword).toBe(true)
    const [audit] = await auditOf('staff.password_reset', u.id)
    expect(audit).toMatchObject({ actorId: admin.id, outcome: 'ok', detail: { revokedSessions: 1, wasLocked: false } })

    await changeOwnPassword(deps(), { currentPassword: TEMP, newPassword: NEW_PASSWORD }, pending)
    expect(await resolveSession(deps(), pendingToken)).toMatchObject({ id: u.id, mustChangePassword: false })
    const after = await signIn('pw.reset', NEW_PASSWORD)
    expect(after.mustChangePassword).toBe(false)
    const [change] = await auditOf('staff.password_change', u.id)
    expect(change!.detail).toMatchObject({ wasTemporary: true })
  })
})
