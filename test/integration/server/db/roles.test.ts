// PostgreSQL only (skipped on PGlite, which has one role): with DATABASE_MIGRATION_URL the owner
// migrates and the app role (DATABASE_URL) is refused every change of structure and every change
// to the audit log, while the portal's own work (accounts, sign-in, audit rows) still succeeds.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type DbHandle } from '~~/server/db/client'
import { migrateAsOwner } from '~~/server/db/roles'
import { sessionPolicy } from '~~/server/domain/staff/session'
import { createStaff, login } from '~~/server/domain/staff/service'
import { verifyAuditChain } from '~~/server/domain/audit/verify'

const admin = process.env.TEST_DATABASE_URL

describe.skipIf(!admin)('PostgreSQL owner and app roles', () => {
  const tag = randomBytes(4).toString('hex')
  const owner = `portal_owner_${tag}`
  const appRole = `portal_app_${tag}`
  const dbName = `roles_${tag}`
  const urlAs = (user: string) => {
    const u = new URL(admin!)
    u.username = user
    u.password = ''
    u.pathname = `/${dbName}`
    return u.toString()
  }
  let app: DbHandle
  let raw: pg.Client

  async function asAdmin(sql: string) {
    const c = new pg.Client({ connectionString: admin })
    await c.connect()
    try { await c.query(sql) } finally { await c.end() }
  }

  beforeAll(async () => {
    // what README "PostgreSQL roles" tells an operator to run
    await asAdmin(`create role ${owner} login`)
    await asAdmin(`create role ${appRole} login`)
    await asAdmin(`create database ${dbName} owner ${owner} template template0 encoding 'UTF8'`)
    await asAdmin(`revoke all on database ${dbName} from public`)
    await asAdmin(`grant connect on database ${dbName} to ${appRole}`)
    const check = await migrateAsOwner({ migrationUrl: urlAs(owner), appUrl: urlAs(appRole) })
    expect(check).toEqual({ appRole, ownerRole: owner, warnings: [] })
    // a second start (another instance, a restart) changes nothing and still works
    await migrateAsOwner({ migrationUrl: urlAs(owner), appUrl: urlAs(appRole) })
    app = await openDb({ databaseUrl: urlAs(appRole), poolMax: 2 })
    raw = new pg.Client({ connectionString: urlAs(appRole) })
    await raw.connect()
  })

  afterAll(async () => {
    await raw?.end()
    await app?.close()
    await asAdmin(`drop database if exists ${dbName} with (force)`)
    await asAdmin(`drop role if exists ${appRole}`)
    await asAdmin(`drop role if exists ${owner}`)
  })

  /** The SQLSTATE the app role gets for `sql` ('ok' when it runs), 'denied' for a refused privilege. */
  async function stateOf(sql: string): Promise<string> {
    try {
      await raw.query(sql)
      return 'ok'
    } catch (e) {
      const { code, message } = e as { code?: string, message?: string }
      // the privilege system's own refusal, not migration 0001's trigger (which also says 42501)
      if (code === '42501' && /^(permission denied|must be owner)/.test(message ?? '')) return 'denied'
      return `${code} ${message}`
    }
  }

  it('does the portal\'s work as the app role: accounts, sign-in, audit rows in an intact chain', async () => {
    const deps = { db: app.db, now: () => new Date(), policy: sessionPolicy({ idleMinutes: 30, absoluteHours: 12 }), key: Buffer.alloc(32, 3) }
    await createStaff(deps, { username: 'role.tester', displayName: '', role: 'operator', password: 'Jue-Se-Ce-Shi-1' }, 'cli')
    await login({ ...deps, ipHash: 'ip' }, { username: 'role.tester', password: 'Jue-Se-Ce-Shi-1' })
    expect(await stateOf(`select count(*) from audit_log`)).toBe('ok')
    expect((await verifyAuditChain(app.db)).ok).toBe(true)
  })

  it('refuses the app role ALTER, DISABLE TRIGGER, DROP, CREATE and any change to the audit log', async () => {
    const denied = 'denied'
    expect(await stateOf(`alter table audit_log disable trigger audit_log_no_update_delete`)).toBe(denied)
    expect(await stateOf(`alter table audit_log disable trigger all`)).toBe(denied)
    expect(await stateOf(`alter table audit_log add column note text`)).toBe(denied)
    expect(await stateOf(`alter table staff_users drop column password_hash`)).toBe(denied)
    expect(await stateOf(`drop trigger audit_log_no_update_delete on audit_log`)).toBe(denied)
    expect(await stateOf(`drop table audit_log`)).toBe(denied)
    expect(await stateOf(`create table sneaky (id int)`)).toBe(denied)
    expect(await stateOf(`delete from audit_log`)).toBe(denied)
    expect(await stateOf(`update audit_log set action = 'auth.nothing'`)).toBe(denied)
    expect(await stateOf(`truncate audit_log`)).toBe(denied)
    expect(await stateOf(`set session_replication_role = replica`)).toBe(denied)
    // while its ordinary row work is allowed
    expect(await stateOf(`update staff_users set display_name = '测试' where username = 'role.tester'`)).toBe('ok')
    expect(await stateOf(`delete from login_attempts`)).toBe('ok')
    // and the owner still can change the structure (so migrations work)
    const c = new pg.Client({ connectionString: urlAs(owner) })
    await c.connect()
    try {
      await c.query(`alter table staff_users add column if not exists role_probe int`)
      await c.query(`alter table staff_users drop column role_probe`)
    } finally {
      await c.end()
    }
  })

  it('warns when the split is defeated: the same role for both, or a superuser app role', async () => {
    const same = await migrateAsOwner({ migrationUrl: urlAs(owner), appUrl: urlAs(owner) })
    expect(same.warnings.join('\n')).toMatch(/同一个角色/)
    const su = await migrateAsOwner({ migrationUrl: urlAs(owner), appUrl: urlAs(new URL(admin!).username || 'postgres') })
    expect(su.warnings.join('\n')).toMatch(/超级用户/)
  })
})
