import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pgErrorOf } from '~~/server/db/client'
import { auditLog, staffUsers } from '~~/server/db/schema'
import { sessionPolicy } from '~~/server/domain/staff/session'
import { createStaff, disableStaff, login, type StaffDeps } from '~~/server/domain/staff/service'
import { listAudit, writeAudit } from '~~/server/repositories/audit'
import { drivers, freshDb, type TestDb } from '../../helpers/db'
import { personalValuesIn } from '../../../helpers/personal-data'

const PASSWORD = 'Shen-Ji-Ri-Zhi-1'

describe.each(drivers())('audit log on %s', (driver) => {
  let t: TestDb
  const deps = (): StaffDeps => ({ db: t.db, now: () => new Date(), policy: sessionPolicy({ idleMinutes: 30, absoluteHours: 12 }), key: Buffer.alloc(32, 1) })
  const rowsFor = (objectId: string) => t.db.select().from(auditLog).where(eq(auditLog.objectId, objectId))

  beforeAll(async () => { t = await freshDb(driver) })
  afterAll(async () => { await t?.drop() })

  it('commits with the change it records', async () => {
    const u = await createStaff({ db: t.db, ipHash: 'iphash' }, { username: 'audit.a', displayName: '', role: 'editor', password: PASSWORD }, 'cli')
    const rows = await rowsFor(u.id)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ action: 'staff.create', actorId: null, actorRole: 'cli', objectType: 'staff_user', outcome: 'ok', ipHash: 'iphash', detail: { role: 'editor' } })
    expect(Math.abs(rows[0]!.at.getTime() - Date.now())).toBeLessThan(60_000)
  })

  it('rolls back with the change it records', async () => {
    let id = ''
    await expect(t.db.transaction(async (tx) => {
      const u = await createStaff({ db: t.db, tx }, { username: 'audit.rollback', displayName: '', role: 'editor', password: PASSWORD }, 'system')
      id = u.id
      expect(await tx.select().from(auditLog).where(eq(auditLog.objectId, u.id))).toHaveLength(1)
      throw new Error('boom')
    })).rejects.toThrow('boom')
    expect(id).not.toBe('')
    expect(await rowsFor(id)).toHaveLength(0)
    expect(await t.db.select().from(staffUsers).where(eq(staffUsers.id, id))).toHaveLength(0)
  })

  it('a failed change leaves no audit row (duplicate username)', async () => {
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, 'staff.create'))
    const err = await createStaff({ db: t.db }, { username: 'audit.a', displayName: '', role: 'editor', password: PASSWORD }, 'cli').catch(e => e)
    expect(pgErrorOf(err)?.constraint).toBe('staff_users_username_key')
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, 'staff.create'))
    expect(after[0]!.n).toBe(before[0]!.n)
  })

  it('records login success, failure and lockout without personal values', async () => {
    const u = await createStaff({ db: t.db }, { username: 'audit.login', displayName: '王五', role: 'operator', password: PASSWORD }, 'cli')
    await login({ ...deps(), ipHash: 'h1' }, { username: 'audit.login', password: PASSWORD })
    for (let i = 0; i < 5; i++) await login({ ...deps(), ipHash: 'h1' }, { username: 'audit.login', password: 'wrong-pass-123' }).catch(() => {})
    const rows = await rowsFor(u.id)
    const kinds = rows.map(r => `${r.action}:${r.outcome}`)
    expect(kinds.filter(k => k === 'auth.login:failed')).toHaveLength(5)
    expect(kinds).toContain('auth.lockout:denied')
    expect(rows.find(r => r.action === 'auth.login' && r.outcome === 'ok')).toBeUndefined() // success row refers to the session
    expect(personalValuesIn(await t.db.select().from(auditLog), [PASSWORD, 'wrong-pass-123', '王五'])).toEqual([])
  })

  it('disable is audited in the same transaction with the number of revoked sessions', async () => {
    const u = await createStaff({ db: t.db }, { username: 'audit.dis', displayName: '', role: 'operator', password: PASSWORD }, 'cli')
    await login({ ...deps(), ipHash: 'h2' }, { username: 'audit.dis', password: PASSWORD })
    await disableStaff(deps(), { id: u.id }, 'cli')
    const row = (await rowsFor(u.id)).find(r => r.action === 'staff.disable')
    expect(row?.detail).toEqual({ revokedSessions: 1 })
  })

  it('refuses detail keys that would carry personal values or secrets', async () => {
    await expect(writeAudit(t.db, { actor: 'system', action: 'test.write', detail: { password: 'x' } })).rejects.toThrow(/personal/)
    await expect(writeAudit(t.db, { actor: 'system', action: 'test.write', detail: { idNumber: 'x' } })).rejects.toThrow(/personal/)
  })

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await writeAudit(t.db, { actor: 'system', action: 'test.write' })
    await expect(t.db.execute(sql`update audit_log set outcome = 'failed'`)).rejects.toThrow()
    await expect(t.db.execute(sql`delete from audit_log`)).rejects.toThrow()
    await expect(t.db.execute(sql`truncate audit_log`)).rejects.toThrow()
    const [n] = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, 'test.write'))
    expect(n!.n).toBe(1)
  })

  it('lists newest first, paged and filtered', async () => {
    for (let i = 0; i < 5; i++) await writeAudit(t.db, { actor: 'system', action: 'test.page', objectId: String(i) })
    const p1 = await listAudit(t.db, { action: 'test.page' }, 2, 0)
    const p3 = await listAudit(t.db, { action: 'test.page' }, 2, 4)
    expect(p1.total).toBe(5)
    expect(p1.rows.map(r => r.objectId)).toEqual(['4', '3'])
    expect(p3.rows.map(r => r.objectId)).toEqual(['0'])
  })
})
