// The embedded defaults never lose or orphan data: one process per data folder (servers and CLI
// scripts), owner-only files, keys outside the database folder, a lost or damaged personal-data key
// stops the start instead of being replaced, a lost search key rebuilds the (derived) index, and an
// engine left running by a killed server is stopped by the next start.
import { spawnSync } from 'node:child_process'
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { meiliProcess } from './helpers/meili-process'
import { startRefused, startServer, waitSettled, type RunningServer } from './helpers/spawn-server'

const dir = mkdtempSync(join(tmpdir(), 'embedded-data-'))
// no statute corpus: these tests are about the data folder, and the machine may be busy
const env = { NUXT_DATA_DIR: dir, NUXT_SEED_DEMO_PASSWORD: 'Embedded-Passw0rd', NUXT_SEED_STATUTES: 'none' }
const cryptoKeyFile = join(dir, 'keys/crypto.key')
let server: RunningServer | undefined

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Every file and folder under `root` whose mode gives anything to group or others. */
function openToOthers(root: string): string[] {
  const out: string[] = []
  const walk = (p: string) => {
    const st = lstatSync(p)
    if (st.isSymbolicLink()) return
    if (st.mode & 0o077) out.push(`${p} ${(st.mode & 0o777).toString(8)}`)
    if (st.isDirectory()) for (const n of readdirSync(p)) walk(join(p, n))
  }
  walk(root)
  return out
}

afterAll(async () => {
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe('the embedded data folder (PGlite + bundled Meilisearch)', () => {
  let booking: { reference: string, phone: string }

  it('keeps keys outside the database folder, owner-only; passes the search key by environment only', { timeout: 600_000 }, async () => {
    server = await startServer(env, 400_000)
    await waitSettled(server.url, 400_000)
    expect((lstatSync(dir).mode & 0o777).toString(8)).toBe('700')
    expect((lstatSync(join(dir, 'keys')).mode & 0o777).toString(8)).toBe('700')
    expect((lstatSync(cryptoKeyFile).mode & 0o777).toString(8)).toBe('600')
    expect((lstatSync(join(dir, 'keys/meili-master.key')).mode & 0o777).toString(8)).toBe('600')
    expect(openToOthers(dir)).toEqual([])
    const engine = meiliProcess(dir)!
    const masterKey = readFileSync(join(dir, 'keys/meili-master.key'), 'utf8').trim()
    expect(engine.args).not.toContain(masterKey)
    expect(engine.args).not.toContain('--master-key')

    // Something encrypted to lose: a booking (its phone is stored encrypted).
    const slots = (await (await fetch(`${server.url}/api/appointments/slots?channel=online`)).json()) as Array<{ id: string }>
    const phone = '13611112222'
    const r = await fetch(`${server.url}/api/appointments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'origin': server.url },
      body: JSON.stringify({ slotId: slots[0]!.id, name: '马秀兰', phone, topic: '老年人权益' }),
    })
    expect(r.status).toBe(201)
    booking = { reference: ((await r.json()) as { reference: string }).reference, phone }
  })

  it('refuses a second server and the CLI scripts while a server holds the folder', { timeout: 600_000 }, async () => {
    const second = await startRefused(env)
    expect(second.code).toBe(1)
    expect(second.fatal).toEqual([expect.stringContaining(`数据目录 ${dir} 正被进程 ${server!.child.pid}（门户服务）使用`)])
    const cli = spawnSync(resolve('node_modules/.bin/tsx'), ['scripts/staff-add.ts', '--username', 'wang.wu', '--role', 'editor'], {
      encoding: 'utf8', timeout: 120_000, env: { ...process.env, NUXT_DATA_DIR: dir, DATABASE_URL: '', NUXT_DATABASE_URL: '', STAFF_PASSWORD: 'Ming-Ling-Hang-9' },
    })
    expect(cli.status).toBe(1)
    expect(cli.stderr).toContain(`正被进程 ${server!.child.pid}（门户服务）使用`)
    // npm run audit:verify too: it would open the embedded database beside the server (exit 2: could not run)
    const verify = spawnSync(resolve('node_modules/.bin/tsx'), ['scripts/audit-verify.ts'], {
      encoding: 'utf8', timeout: 120_000, env: { ...process.env, NUXT_DATA_DIR: dir, DATABASE_URL: '', NUXT_DATABASE_URL: '' },
    })
    expect(verify.status).toBe(2)
    expect(verify.stderr).toContain(`正被进程 ${server!.child.pid}（门户服务）使用`)
    // the first server is unharmed
    // Tried twice: the pooled keep-alive connection may have been closed by the server's idle timeout while the
    // refused second server and the CLI ran ("other side closed"); a dead server refuses the second try as well.
    const health = `${server!.url}/api/health`
    expect((await fetch(health).catch(() => fetch(health))).status).toBe(200)
  })

  it('stops the engine a killed server left running before starting its own', { timeout: 600_000 }, async () => {
    const orphan = meiliProcess(dir)!.pid
    server!.child.kill('SIGKILL')
    await new Promise(r => server!.child.exitCode !== null || server!.child.signalCode ? r(null) : server!.child.once('exit', r))
    await new Promise(r => setTimeout(r, 500))
    expect(alive(orphan), 'the engine outlived its killed server').toBe(true)

    server = await startServer(env, 400_000)
    await waitSettled(server.url, 400_000)
    expect(server.output()).toContain(`stopping an orphaned embedded Meilisearch (pid ${orphan})`)
    expect(alive(orphan)).toBe(false)
    expect(meiliProcess(dir)!.pid).not.toBe(orphan)
    await server.stop()
  })

  it('refuses to start on a damaged, missing or different personal-data key, and never replaces it', { timeout: 1_200_000 }, async () => {
    const original = readFileSync(cryptoKeyFile, 'utf8')

    writeFileSync(cryptoKeyFile, original.slice(0, 20) + '\n')
    const damaged = await startRefused(env)
    expect(damaged.code).toBe(1)
    expect(damaged.fatal).toEqual([expect.stringContaining(`加密密钥文件 ${cryptoKeyFile} 已损坏`)])
    expect(readFileSync(cryptoKeyFile, 'utf8')).toBe(original.slice(0, 20) + '\n')

    rmSync(cryptoKeyFile)
    const missing = await startRefused(env)
    expect(missing.code).toBe(1)
    expect(missing.fatal).toEqual([expect.stringContaining(`找不到加密密钥文件 ${cryptoKeyFile}`)])
    expect(() => lstatSync(cryptoKeyFile), 'no new key was generated').toThrow()

    const other = await startRefused({ ...env, NUXT_CRYPTO_KEY: Buffer.alloc(32, 7).toString('base64') })
    expect(other.code).toBe(1)
    expect(other.fatal).toEqual([expect.stringContaining('NUXT_CRYPTO_KEY 不是数据库中个人信息加密时所用的密钥')])

    writeFileSync(cryptoKeyFile, original, { mode: 0o600 })
    server = await startServer(env, 400_000)
    const lookup = await fetch(`${server.url}/api/appointments/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'origin': server.url },
      body: JSON.stringify(booking),
    })
    expect(lookup.status).toBe(200)
    await server.stop()
  })

  it('rebuilds the search index from PostgreSQL when the engine key is lost (the index is derived)', { timeout: 600_000 }, async () => {
    rmSync(join(dir, 'keys/meili-master.key'))
    server = await startServer(env, 400_000)
    const health = await waitSettled(server.url, 400_000)
    expect(health).toMatchObject({ status: 'ok', search: { ok: true } })
    expect(server.output()).toContain('Meilisearch master key')
    expect(server.output()).toContain('every index is rebuilt from PostgreSQL')
    const deadline = Date.now() + 120_000
    while (!server.output().includes('index cases missing, rebuilding') && Date.now() < deadline) await new Promise(r => setTimeout(r, 250))
    expect(server.output()).toContain('index cases missing, rebuilding')
    const points = (await (await fetch(`${server.url}/api/service-points`)).json()) as unknown[]
    expect(points.length).toBeGreaterThan(20)
  })
})
