import { createHash } from 'node:crypto'
import { describe, expect, inject, it } from 'vitest'
import { ApiClient, servers } from './helpers/client'
import { personalValuesIn } from '../helpers/personal-data'

const password = () => inject('demoPassword')
const COOKIE = '__Host-portal_session'

async function signedIn(base: string, username: string, pw = password()): Promise<ApiClient> {
  const c = new ApiClient(base)
  const r = await c.post('/api/auth/login', { username, password: pw })
  expect(r.status, `login ${username}`).toBe(200)
  return c
}

describe.each(servers())('staff auth on $name', (server) => {
  const base = server.url
  let seq = 0
  const uniqueName = (p: string) => `${p}${Date.now().toString(36)}${seq++}`

  async function createUser(admin: ApiClient, role: string) {
    const username = uniqueName(role.slice(0, 3))
    const r = await admin.post('/api/staff/admin/users', { username, displayName: '测试', role, password: 'Ce-Shi-Mi-Ma-42' })
    expect(r.status).toBe(201)
    return { id: r.body.id as string, username, password: 'Ce-Shi-Mi-Ma-42' }
  }

  it('login answers 200 with the user and a HttpOnly, SameSite, Secure __Host- cookie', async () => {
    const c = new ApiClient(base)
    const r = await c.post('/api/auth/login', { username: 'admin', password: password() })
    expect(r.status).toBe(200)
    expect(r.body).toEqual({ user: { id: expect.any(String), username: 'admin', role: 'admin', displayName: expect.any(String), mustChangePassword: false } })
    const set = r.headers.getSetCookie().find(s => s.startsWith(`${COOKIE}=`))
    expect(set).toBeDefined()
    expect(set).toMatch(/;\s*HttpOnly/i)
    expect(set).toMatch(/;\s*SameSite=(Lax|Strict)/i)
    expect(set).toMatch(/;\s*Secure/i)
    expect(set).toMatch(/;\s*Path=\/(;|$)/i)
    expect(set).not.toMatch(/Domain=/i)
    expect(r.headers.get('cache-control')).toMatch(/no-store/)
    const me = await c.get('/api/auth/me')
    expect(me.status).toBe(200)
    expect(me.body.user.username).toBe('admin')
  })

  it('me without a session is 401 UNAUTHENTICATED', async () => {
    const r = await new ApiClient(base).get('/api/auth/me')
    expect(r.status).toBe(401)
    expect(r.body.data.code).toBe('UNAUTHENTICATED')
  })

  it('a wrong password and an unknown name get the same 401 INVALID_CREDENTIALS', async () => {
    const c = new ApiClient(base)
    const wrong = await c.post('/api/auth/login', { username: 'editor1', password: 'not-the-password' })
    const unknown = await c.post('/api/auth/login', { username: 'nobody-here', password: 'not-the-password' })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(wrong.body.data).toEqual(unknown.body.data)
    expect(wrong.body.data.code).toBe('INVALID_CREDENTIALS')
    expect(c.cookies.size).toBe(0)
  })

  it('locks an account after 5 failures: even the right password then gets 429 ACCOUNT_LOCKED', async () => {
    const admin = await signedIn(base, 'admin')
    const u = await createUser(admin, 'operator')
    const c = new ApiClient(base)
    for (let i = 0; i < 5; i++) {
      expect((await c.post('/api/auth/login', { username: u.username, password: 'wrong-password-1' })).status).toBe(401)
    }
    const locked = await c.post('/api/auth/login', { username: u.username, password: u.password })
    expect(locked.status).toBe(429)
    expect(locked.body.data.code).toBe('ACCOUNT_LOCKED')
    expect(locked.body.data.message).toMatch(/15 分钟/)
    expect(c.cookies.size).toBe(0)
    const audit = await admin.get(`/api/staff/admin/audit?action=auth.lockout&limit=100`)
    expect(audit.body.items.some((r: { objectId: string }) => r.objectId === u.id)).toBe(true)
  })

  it('a client-sent X-Forwarded-For does not reset the per-address throttle (one trusted proxy hop)', async () => {
    // The test server trusts one proxy: the address that proxy appended (the last entry) is the
    // client. The client prepends a fresh fake address to every request; the throttle still counts
    // all of them against the one real address.
    const real = `10.98.${seq % 250}.${Date.now() % 250}`
    const c = new ApiClient(base)
    const spoofed = (i: number) => ({ 'x-forwarded-for': `203.0.113.${i % 250}, 198.51.100.${(i * 7) % 250}, ${real}` })
    for (let i = 0; i < 20; i++) {
      const r = await c.post('/api/auth/login', { username: uniqueName('spoof'), password: 'wrong-password-1' }, spoofed(i))
      expect(r.status, `attempt ${i}`).toBe(401)
    }
    const refused = await c.post('/api/auth/login', { username: 'admin', password: password() }, spoofed(99))
    expect(refused.status).toBe(429)
    expect(refused.body.data.code).toBe('TOO_MANY_ATTEMPTS')
    // Another real address is not affected, and the refused attempts did not touch the account.
    const elsewhere = await c.post('/api/auth/login', { username: 'admin', password: password() }, { 'x-forwarded-for': `10.97.${seq % 250}.${Date.now() % 250}` })
    expect(elsewhere.status).toBe(200)
  })

  it('an admin unlocks a locked account (401 → 403 → 200, audited)', async () => {
    const admin = await signedIn(base, 'admin')
    const u = await createUser(admin, 'reviewer')
    const c = new ApiClient(base)
    const addr = { 'x-forwarded-for': `10.96.${seq % 250}.${Date.now() % 250}` }
    for (let i = 0; i < 5; i++) await c.post('/api/auth/login', { username: u.username, password: 'wrong-password-1' }, addr)
    expect((await c.post('/api/auth/login', { username: u.username, password: u.password }, addr)).status).toBe(429)
    expect((await new ApiClient(base).post(`/api/staff/admin/users/${u.id}/unlock`)).status).toBe(401)
    const operator = await signedIn(base, 'operator1')
    expect((await operator.post(`/api/staff/admin/users/${u.id}/unlock`)).status).toBe(403)
    const ok = await admin.post(`/api/staff/admin/users/${u.id}/unlock`)
    expect(ok.status).toBe(200)
    expect(ok.body.lockedUntil).toBeNull()
    expect((await c.post('/api/auth/login', { username: u.username, password: u.password }, addr)).status).toBe(200)
    const audit = await admin.get('/api/staff/admin/audit?action=staff.unlock&limit=50')
    expect(audit.body.items.some((r: { objectId: string }) => r.objectId === u.id)).toBe(true)
  })

  it('every /api/staff/** path needs a session (401), and admin routes refuse other roles (403)', async () => {
    const anon = new ApiClient(base)
    for (const p of ['/api/staff/admin/users', '/api/staff/admin/audit', '/api/staff/admin/outbox', '/api/staff/not-a-route', '/api/STAFF/admin/users']) {
      const r = await anon.get(p)
      expect(r.status, p).toBe(401)
      expect(r.body.data.code, p).toBe('UNAUTHENTICATED')
    }
    const operator = await signedIn(base, 'operator1')
    for (const p of ['/api/staff/admin/users', '/api/staff/admin/audit', '/api/staff/admin/outbox?status=dead']) {
      const r = await operator.get(p)
      expect(r.status, p).toBe(403)
      expect(r.body.data.code, p).toBe('FORBIDDEN')
    }
    expect((await operator.post('/api/staff/admin/users', { username: 'x-by-operator', role: 'admin', password: 'Ce-Shi-Mi-Ma-42' })).status).toBe(403)
  })

  it('refused attempts on staff routes are audited (auth.refused): the JSON API and the console\'s plain form posts, with no query string', async () => {
    const tag = uniqueName('refused')
    // the JSON API: 401 signed out (the session middleware), 403 for the wrong role
    expect((await new ApiClient(base).get(`/api/staff/admin/${tag}?q=secret`)).status).toBe(401)
    const operator = await signedIn(base, 'operator1')
    expect((await operator.get(`/api/staff/admin/users?q=${tag}`)).status).toBe(403)
    // the plain forms (no JavaScript): a member without the role (303 back, refused in words), and signed out (303 to sign in)
    const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'accept': 'text/html' }
    expect((await operator.post(`/staff/admin/standards?q=${tag}`, 'x=1', FORM)).status).toBe(303)
    expect((await new ApiClient(base).post(`/staff/admin/hotline-outcomes?q=${tag}`, 'x=1', FORM)).status).toBe(303)
    const admin = await signedIn(base, 'admin')
    const rows = (await admin.get('/api/staff/admin/audit?action=auth.refused&limit=100')).body.items as Array<{ objectId: string, actorUsername: string | null, outcome: string, detail: { status: number } }>
    const row = (objectId: string) => rows.find(r => r.objectId === objectId)
    expect(row(`GET /api/staff/admin/${tag}`)).toMatchObject({ actorUsername: null, outcome: 'denied', detail: { status: 401 } })
    expect(rows.some(r => r.objectId === 'GET /api/staff/admin/users' && r.actorUsername === 'operator1' && r.detail.status === 403)).toBe(true)
    expect(row('POST /staff/admin/standards')).toMatchObject({ actorUsername: 'operator1', outcome: 'denied', detail: { status: 403 } })
    expect(row('POST /staff/admin/hotline-outcomes')).toMatchObject({ actorUsername: null, outcome: 'denied', detail: { status: 401 } })
    expect(JSON.stringify(rows)).not.toContain('secret')
    expect(JSON.stringify(rows)).not.toContain(`q=${tag}`)
  })

  it('create staff walks 401 → 400 → 201 → 409', async () => {
    const body = { username: uniqueName('walk'), displayName: '走查', role: 'reviewer', password: 'Zou-Cha-Mi-Ma-7' }
    expect((await new ApiClient(base).post('/api/staff/admin/users', body)).status).toBe(401)
    const admin = await signedIn(base, 'admin')
    const bad = await admin.post('/api/staff/admin/users', { ...body, username: 'A B', role: 'root', password: 'tooShort7' })
    expect(bad.status).toBe(400)
    expect(bad.body.data.code).toBe('VALIDATION')
    expect(bad.body.data.issues.map((i: { path: string }) => i.path).sort()).toEqual(['password', 'role', 'username'])
    expect(personalValuesIn(bad.body, ['tooShort7'])).toEqual([])
    // the password policy is part of the shared schema (the form shows the same message)
    const weak = await admin.post('/api/staff/admin/users', { ...body, password: 'aaaaaaaaaaaa' })
    expect(weak.status).toBe(400)
    expect(weak.body.data.issues).toEqual([{ path: 'password', code: 'custom', message: '密码过于简单，请使用更多不同的字符' }])
    const ok = await admin.post('/api/staff/admin/users', body)
    expect(ok.status).toBe(201)
    expect(ok.body).toMatchObject({ username: body.username, role: 'reviewer', disabled: false })
    expect(ok.body).not.toHaveProperty('passwordHash')
    const again = await admin.post('/api/staff/admin/users', body)
    expect(again.status).toBe(409)
    expect(again.body.data.code).toBe('USERNAME_TAKEN')
    const list = await admin.get('/api/staff/admin/users')
    expect(list.body.find((u: { username: string }) => u.username === body.username)?.role).toBe('reviewer')
    expect(JSON.stringify(list.body)).not.toMatch(/argon2|passwordHash/)
  })

  it('refuses cross-origin writes with 403 CROSS_ORIGIN and accepts same-origin ones', async () => {
    const evil = new ApiClient(base, 'https://evil.example')
    const r = await evil.post('/api/auth/login', { username: 'admin', password: password() })
    expect(r.status).toBe(403)
    expect(r.body.data.code).toBe('CROSS_ORIGIN')
    expect(evil.cookies.size).toBe(0)
    const none = new ApiClient(base, null)
    expect((await none.post('/api/auth/login', { username: 'admin', password: password() })).status).toBe(403)
    expect((await none.post('/api/auth/logout', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect((await none.post('/api/auth/logout', {}, { 'sec-fetch-site': 'same-origin' })).status).toBe(200)
    expect((await none.post('/api/auth/logout', {}, { referer: `${base}/staff` })).status).toBe(200)
    // A signed-in admin's cookie does not help a cross-site form.
    const admin = await signedIn(base, 'admin')
    const forged = await admin.post('/api/staff/admin/users', { username: uniqueName('csrf'), role: 'admin', password: 'Ce-Shi-Mi-Ma-42' }, { origin: 'https://evil.example' })
    expect(forged.status).toBe(403)
  })

  it('refuses bodies over 64 KiB with 413, bodies without a length (chunked) with 411, and non-JSON writes with 415', async () => {
    const c = new ApiClient(base)
    const big = await c.post('/api/auth/login', { username: 'admin', password: 'x'.repeat(70 * 1024) })
    expect(big.status).toBe(413)
    expect(big.body.data.code).toBe('PAYLOAD_TOO_LARGE')
    const payload = new TextEncoder().encode(JSON.stringify({ username: 'admin', password: 'y'.repeat(80 * 1024) }))
    const stream = new ReadableStream({ start(ctrl) { for (let i = 0; i < payload.length; i += 8192) ctrl.enqueue(payload.slice(i, i + 8192)); ctrl.close() } })
    const chunked = await fetch(`${base}/api/auth/login`, { method: 'POST', body: stream, duplex: 'half', headers: { 'content-type': 'application/json', origin: base } } as RequestInit)
    expect(chunked.status).toBe(411)
    expect((await chunked.json()).data.code).toBe('LENGTH_REQUIRED')
    const form = await c.post('/api/auth/login', 'username=admin&password=x', { 'content-type': 'application/x-www-form-urlencoded' })
    expect(form.status).toBe(415)
    expect(form.body.data.code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  it('logout revokes the session on the server', async () => {
    const c = await signedIn(base, 'reviewer1')
    const token = c.cookies.get(COOKIE)!
    expect(token).toBeTruthy()
    const out = await c.post('/api/auth/logout')
    expect(out.status).toBe(200)
    expect(c.cookies.has(COOKIE)).toBe(false)
    const replay = new ApiClient(base)
    replay.cookies.set(COOKIE, token)
    expect((await replay.get('/api/auth/me')).status).toBe(401)
  })

  it('logout without JavaScript (the console form, POST /staff/logout): 303 to the sign-in page, the session revoked on the server, audited', async () => {
    const admin = await signedIn(base, 'admin')
    const logouts = async () => ((await admin.get('/api/staff/admin/audit?action=auth.logout&limit=100')).body.items as unknown[]).length
    const before = await logouts()
    const c = await signedIn(base, 'reviewer1')
    const token = c.cookies.get(COOKIE)!
    const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'accept': 'text/html' }
    const out = await c.post('/staff/logout', '', FORM)
    expect([out.status, out.headers.get('location')]).toEqual([303, '/staff/login'])
    expect(c.cookies.has(COOKIE)).toBe(false)
    const replay = new ApiClient(base)
    replay.cookies.set(COOKIE, token)
    expect((await replay.get('/api/auth/me')).status).toBe(401)
    expect(await logouts()).toBe(before + 1)
    // no session: still back to the sign-in page, nothing audited; from another site: refused
    expect((await new ApiClient(base).post('/staff/logout', '', FORM)).status).toBe(303)
    expect((await new ApiClient(base, 'https://evil.example').post('/staff/logout', '', FORM)).status).toBe(403)
    expect(await logouts()).toBe(before + 1)
  })

  it('disabling an account ends its sessions at once; enabling lets it sign in again', async () => {
    const admin = await signedIn(base, 'admin')
    const u = await createUser(admin, 'editor')
    const victim = await signedIn(base, u.username, u.password)
    expect((await victim.get('/api/auth/me')).status).toBe(200)
    const dis = await admin.post(`/api/staff/admin/users/${u.id}/disable`)
    expect(dis.status).toBe(200)
    expect(dis.body.disabled).toBe(true)
    expect((await victim.get('/api/auth/me')).status).toBe(401)
    expect((await new ApiClient(base).post('/api/auth/login', { username: u.username, password: u.password })).status).toBe(401)
    expect((await admin.post(`/api/staff/admin/users/${u.id}/enable`)).status).toBe(200)
    await signedIn(base, u.username, u.password)
    const self = await admin.get('/api/auth/me')
    const selfDisable = await admin.post(`/api/staff/admin/users/${self.body.user.id}/disable`)
    expect(selfDisable.status).toBe(409)
    expect((await admin.post('/api/staff/admin/users/not-a-uuid/disable')).status).toBe(400)
  })

  it('sends security headers; the page CSP allows exactly its own inline scripts', async () => {
    const api = await new ApiClient(base).get('/api/health')
    const page = await fetch(`${base}/staff/login`)
    const html = await page.text()
    for (const h of [api.headers, page.headers]) {
      const csp = h.get('content-security-policy')!
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("object-src 'none'")
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
      expect(h.get('x-content-type-options')).toBe('nosniff')
      expect(h.get('x-frame-options')).toBe('DENY')
      expect(h.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
      expect(h.get('permissions-policy')).toContain('camera=()')
      expect(h.get('strict-transport-security')).toMatch(/max-age=/)
    }
    const csp = page.headers.get('content-security-policy')!
    // Executable inline scripts and import maps are governed by script-src (JSON data blocks are not).
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
      .filter(m => !/\bsrc\s*=/.test(m[1]!) && !/type\s*=\s*"application\/json"/.test(m[1]!))
    expect(inline.length).toBeGreaterThanOrEqual(2)
    for (const m of inline) {
      expect(csp).toContain(`'sha256-${createHash('sha256').update(m[2]!, 'utf8').digest('base64')}'`)
    }
  })

  it('pages the audit log newest first, filters it, and audits reading it', async () => {
    const admin = await signedIn(base, 'admin')
    const p1 = await admin.get('/api/staff/admin/audit?page=1&limit=3')
    expect(p1.status).toBe(200)
    expect(p1.body.items).toHaveLength(3)
    expect(p1.body.total).toBeGreaterThan(6)
    const p2 = await admin.get('/api/staff/admin/audit?page=2&limit=3')
    const ids1 = p1.body.items.map((r: { id: number }) => r.id)
    const ids2 = p2.body.items.map((r: { id: number }) => r.id)
    // Page 2 starts one row early: the first read added its own audit.read row on top.
    expect(ids2[0]).toBe(ids1[2])
    for (const list of [p1.body.items, p2.body.items]) {
      const ats = list.map((r: { at: string }) => Date.parse(r.at))
      expect([...ats].sort((a, b) => b - a)).toEqual(ats)
      for (const r of list) expect(r.at).toMatch(/Z$/)
    }
    const me = await admin.get('/api/auth/me')
    const newest = await admin.get('/api/staff/admin/audit?page=1&limit=1')
    expect(newest.body.items[0]).toMatchObject({ action: 'audit.read', actorId: me.body.user.id, actorRole: 'admin', outcome: 'ok' })
    const logins = await admin.get('/api/staff/admin/audit?action=auth.login&limit=100')
    expect(logins.body.items.length).toBeGreaterThan(0)
    expect(logins.body.items.every((r: { action: string }) => r.action === 'auth.login')).toBe(true)
    expect(logins.body.items.some((r: { outcome: string }) => r.outcome === 'failed')).toBe(true)
    expect(personalValuesIn(logins.body, [password()])).toEqual([])
    expect((await admin.get('/api/staff/admin/audit?limit=1000')).status).toBe(400)
  })

  it('lets admins list the search outbox and refuses a retry of a row that is not dead', async () => {
    const admin = await signedIn(base, 'admin')
    const dead = await admin.get('/api/staff/admin/outbox?status=dead')
    expect(dead.status).toBe(200)
    expect(Array.isArray(dead.body)).toBe(true)
    expect((await admin.get('/api/staff/admin/outbox?status=done')).status).toBe(400)
    const retry = await admin.post('/api/staff/admin/outbox/999999999/retry')
    expect(retry.status).toBe(404)
    expect(retry.body.data.code).toBe('OUTBOX_NOT_DEAD')
  })

  it('retries from the plain form too (no JavaScript): 303 back to the outbox with the same refusal; a reviewer is refused', async () => {
    const FORM = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }
    const admin = await signedIn(base, 'admin')
    const retry = await admin.post('/staff/admin/outbox', 'id=999999999', FORM)
    expect(retry.status).toBe(303)
    expect(retry.headers.get('location')).toBe('/staff/admin/outbox')
    const page = await admin.get('/staff/admin/outbox', { accept: 'text/html' })
    expect(page.body).toContain('找不到该失败任务，或它已在重试')
    // the flash is shown once
    expect((await admin.get('/staff/admin/outbox', { accept: 'text/html' })).body).not.toContain('找不到该失败任务')
    const bad = await admin.post('/staff/admin/outbox', 'id=0', FORM)
    expect(bad.status).toBe(303)
    expect((await admin.get('/staff/admin/outbox', { accept: 'text/html' })).body).toContain('编号格式不正确')
    const reviewer = await signedIn(base, 'reviewer1')
    const refused = await reviewer.post('/staff/admin/outbox', 'id=1', FORM)
    expect(refused.status).toBe(303)
    expect(refused.headers.get('location')).toBe('/staff/admin/outbox')
    expect((await reviewer.get('/staff/admin/outbox', { accept: 'text/html' })).body).toContain('您的账号没有此项权限')
  })

  it('renders the console pages on the server: signed-out visitors go to the sign-in page', async () => {
    const out = await fetch(`${base}/staff/admin/users`, { redirect: 'manual' })
    expect([301, 302, 303, 307]).toContain(out.status)
    expect(out.headers.get('location')).toMatch(/^\/staff\/login\?next=/)
    const login = await fetch(`${base}/staff/login`)
    const html = await login.text()
    expect(login.status).toBe(200)
    expect(html).toMatch(/<label for="login-username"[^>]*>用户名<\/label>/)
    const admin = await signedIn(base, 'admin')
    const cookie = `${COOKIE}=${admin.cookies.get(COOKIE)}`
    const home = await fetch(`${base}/staff`, { headers: { cookie } })
    const homeHtml = await home.text()
    expect(home.status).toBe(200)
    for (const link of ['/staff/admin/audit', '/staff/admin/outbox', '/staff/admin/users']) expect(homeHtml).toContain(`href="${link}"`)
    expect(homeHtml).not.toContain('href="/staff/review"')
    const users = await fetch(`${base}/staff/admin/users`, { headers: { cookie } })
    expect(await users.text()).toContain('operator1')
  })
})
