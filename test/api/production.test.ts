// NODE_ENV=production: no demo staff account and no password in the log; an internal fault answers
// 500 with only the generic message (JSON and the HTML error page); no X-Powered-By; pages and
// bundles compressed. The fault is real: the database refuses the write (a trigger installed in
// the data folder before the start raises an error full of internal detail).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '../../server/db/client'
import { GENERIC_ERROR_MESSAGE } from '../../server/domain/http/error-payload'
import { startServer, type RunningServer } from './helpers/spawn-server'

const dir = mkdtempSync(join(tmpdir(), 'production-'))
const SECRETS = ['internal-secret-7f3a', 'detail-secret-2b9c', 'hint-secret-55d1', 'screening_counters', 'insert into', 'Failed query']
let server: RunningServer

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDb>>) => Promise<T>): Promise<T> {
  const h = await openDb({ pgliteDir: join(dir, 'pglite') })
  try {
    return await fn(h)
  } finally {
    await h.close()
  }
}

beforeAll(async () => {
  server = await startServer({ NODE_ENV: 'production', NUXT_DATA_DIR: dir, NUXT_SEED_DEMO_PASSWORD: '' })
}, 240_000)

afterAll(async () => {
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe('production mode', () => {
  it('seeds no demo staff account and prints no password', { timeout: 240_000 }, async () => {
    const out = server.output()
    expect(out).toContain('no demo staff accounts')
    expect(out).not.toMatch(/one-time password|password:|密码[:：]/i)
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'origin': server.url }, body: JSON.stringify({ username: 'admin', password: 'Any-Passw0rd-1' }),
    })
    expect(login.status).toBe(401)
    await server.stop()
    const staff = await withDb(async h => (await h.db.execute(sql`select count(*)::int as n from staff_users`)) as unknown as { rows: Array<{ n: number }> })
    expect(staff.rows[0]!.n).toBe(0)

    // The fault for the next test: the database refuses every screening count, with internal detail.
    await withDb(async (h) => {
      await h.db.execute(sql.raw(`
        create function portal_test_fault() returns trigger language plpgsql as $$
        begin
          raise exception 'disk failure writing screening_counters: internal-secret-7f3a'
            using detail = 'detail-secret-2b9c', hint = 'hint-secret-55d1';
        end $$`))
      await h.db.execute(sql.raw(`create trigger portal_test_fault before insert or update on screening_counters
        for each row execute function portal_test_fault()`))
    })
    server = await startServer({ NODE_ENV: 'production', NUXT_DATA_DIR: dir, NUXT_SEED_DEMO_PASSWORD: '' })
  })

  it('answers an internal fault with only the generic message, as JSON and as the HTML error page', { timeout: 120_000 }, async () => {
    const body = JSON.stringify({ matter: 'labor_remuneration', person: { statuses: ['migrant_worker'] } })
    const json = await fetch(`${server.url}/api/eligibility/screenings`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'accept': 'application/json', 'origin': server.url }, body,
    })
    expect(json.status).toBe(500)
    const text = await json.text()
    for (const s of SECRETS) expect(text, `JSON error payload carries "${s}"`).not.toContain(s)
    const parsed = JSON.parse(text) as { message: string, statusMessage: string, data: unknown }
    expect(parsed).toMatchObject({ message: GENERIC_ERROR_MESSAGE, statusMessage: 'Internal Server Error', data: { code: 'INTERNAL', message: GENERIC_ERROR_MESSAGE } })

    const html = await fetch(`${server.url}/api/eligibility/screenings`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'accept': 'text/html', 'origin': server.url }, body,
    })
    expect(html.status).toBe(500)
    expect(html.headers.get('content-type')).toMatch(/text\/html/)
    const page = await html.text()
    for (const s of SECRETS) expect(page, `HTML error page carries "${s}"`).not.toContain(s)
    expect(page).toContain(GENERIC_ERROR_MESSAGE)

    // the log names the fault's kind, not its message (SQL parameters could be personal data)
    const failed = server.output().split('\n').filter(l => l.includes('/api/eligibility/screenings') && l.includes('"status":500'))
    expect(failed.length, server.output().slice(-3000)).toBeGreaterThan(0)
    expect(server.output()).toContain('"P0001"') // the fault's database code is logged, not its text
    for (const s of ['internal-secret-7f3a', 'detail-secret-2b9c', 'hint-secret-55d1']) expect(server.output()).not.toContain(s)
  })

  it('sends no X-Powered-By and compresses pages and bundles', { timeout: 60_000 }, async () => {
    const page = await fetch(`${server.url}/`, { headers: { 'accept-encoding': 'br, gzip' } })
    expect(page.status).toBe(200)
    expect(page.headers.get('x-powered-by')).toBeNull()
    // fetch decodes the body itself; the header says what travelled
    expect(page.headers.get('content-encoding')).toBe('br')
    const html = await page.text()
    const bundle = /\/_nuxt\/[\w.-]+\.js/.exec(html)?.[0]
    expect(bundle, 'a script bundle on the home page').toBeTruthy()
    const js = await fetch(`${server.url}${bundle}`, { headers: { 'accept-encoding': 'br, gzip' } })
    expect(js.status).toBe(200)
    expect(js.headers.get('content-encoding')).toBe('br')
    const gz = await fetch(`${server.url}${bundle}`, { headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    const api = await fetch(`${server.url}/api/health`)
    expect(api.headers.get('x-powered-by')).toBeNull()
  })
})
