// The staff:add CLI against a real embedded database: exit codes, the audit row, the data-folder lock.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { openDb } from '../../../server/db/client'
import { lockDataFolder } from '../../../server/db/data-folder'
import { auditLog, staffUsers } from '../../../server/db/schema'

const dir = mkdtempSync(join(tmpdir(), 'staff-add-'))
const tsx = resolve('node_modules/.bin/tsx')

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(tsx, ['scripts/staff-add.ts', ...args], {
    encoding: 'utf8', timeout: 150_000,
    env: { ...process.env, NUXT_DATA_DIR: dir, DATABASE_URL: '', NUXT_DATABASE_URL: '', STAFF_PASSWORD: 'Ming-Ling-Hang-9', ...env },
  })
  return { code: r.status, out: r.stdout + r.stderr }
}

/** As run(), without blocking this process (which may hold the lock and must answer who it is). */
function runAsync(args: string[]): Promise<{ code: number | null, out: string }> {
  return new Promise((ok) => {
    const child = spawn(tsx, ['scripts/staff-add.ts', ...args], {
      env: { ...process.env, NUXT_DATA_DIR: dir, DATABASE_URL: '', NUXT_DATABASE_URL: '', STAFF_PASSWORD: 'Ming-Ling-Hang-9' },
    })
    let out = ''
    child.stdout.on('data', (b: Buffer) => { out += b })
    child.stderr.on('data', (b: Buffer) => { out += b })
    child.once('exit', code => ok({ code, out }))
  })
}

describe('npm run staff:add', { timeout: 400_000 }, () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('exits 2 with a Chinese message on bad input, before touching the database', () => {
    const bad = run(['--username', 'ab', '--role', 'boss'])
    expect(bad.code).toBe(2)
    expect(bad.out).toMatch(/用户名|角色/)
    const weak = run(['--username', 'ok.name', '--role', 'editor'], { STAFF_PASSWORD: 'ok.name-password' })
    expect(weak.code).toBe(2)
    expect(weak.out).toContain('密码不能包含用户名')
  })

  it('creates the account (exit 0) with an argon2id hash and a staff.create audit row by cli; a taken name exits 2', async () => {
    const ok = run(['--username', 'li.si', '--role', 'reviewer', '--display-name', '李四'])
    expect(ok.out).toContain('已创建账号 li.si')
    expect(ok.out).not.toContain('Ming-Ling-Hang-9')
    expect(ok.code).toBe(0)
    const again = run(['--username', 'li.si', '--role', 'reviewer'])
    expect(again.code).toBe(2)
    expect(again.out).toContain('该用户名已被使用')
    const h = await openDb({ pgliteDir: join(dir, 'pglite') })
    try {
      const [u] = await h.db.select().from(staffUsers).where(eq(staffUsers.username, 'li.si'))
      expect(u).toMatchObject({ role: 'reviewer', displayName: '李四' })
      expect(u!.passwordHash).toMatch(/^\$argon2id\$/)
      const rows = await h.db.select().from(auditLog).where(eq(auditLog.objectId, u!.id))
      expect(rows).toEqual([expect.objectContaining({ action: 'staff.create', actorRole: 'cli', actorId: null })])
    } finally {
      await h.close()
    }
  })

  it('refuses (exit 1) while a running portal holds the embedded data folder, naming it', { timeout: 180_000 }, async () => {
    const lock = await lockDataFolder(dir, 'server') // this test process stands in for the server
    const r = await runAsync(['--username', 'wang.wu', '--role', 'editor'])
    await lock.release()
    expect(r.code).toBe(1)
    expect(r.out).toContain(`正被进程 ${process.pid}（门户服务）使用`)
    const after = run(['--username', 'wang.wu', '--role', 'editor'])
    expect(after.code).toBe(0)
  })
})
