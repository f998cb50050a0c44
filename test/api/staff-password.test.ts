// Own password change and an administrator's reset over HTTP (issue 8): the JSON API the console
// pages call with JavaScript, and the plain form posts (303) they send without it.
import { describe, expect, it } from 'vitest'
import { ApiClient, servers, signedIn } from './helpers/client'

const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'accept': 'text/html' }
const form = (o: Record<string, string>) => new URLSearchParams(o).toString()

describe.each(servers())('staff passwords on $name', (server) => {
  const base = server.url
  let seq = 0
  const uniqueName = (p: string) => `${p}${Date.now().toString(36)}${seq++}`
  const START = 'Chu-Shi-Mi-Ma-42'

  async function newAccount(admin: ApiClient, role = 'operator') {
    const username = uniqueName('pw')
    const r = await admin.post('/api/staff/admin/users', { username, displayName: '测试', role, password: START })
    expect(r.status).toBe(201)
    return { id: r.body.id as string, username }
  }
  async function login(username: string, password: string) {
    const c = new ApiClient(base)
    const r = await c.post('/api/auth/login', { username, password })
    return { c, r }
  }

  it('own change: 401 signed out, 400 with field issues, 400 for a wrong current password, 200 ends the other sessions', async () => {
    const admin = await signedIn(base, 'admin')
    const u = await newAccount(admin)
    expect((await new ApiClient(base).post('/api/auth/password', { currentPassword: START, newPassword: 'Xin-Mi-Ma-2026', confirmPassword: 'Xin-Mi-Ma-2026' })).status).toBe(401)
    const { c } = await login(u.username, START)
    const { c: other } = await login(u.username, START)

    const bad = await c.post('/api/auth/password', { currentPassword: START, newPassword: `${u.username}-x1`, confirmPassword: 'nope' })
    expect(bad.status).toBe(400)
    expect(bad.body.data.code).toBe('VALIDATION')
    expect(bad.body.data.issues.map((i: { path: string }) => i.path).sort()).toEqual(['confirmPassword', 'newPassword'])

    const wrong = await c.post('/api/auth/password', { currentPassword: 'Not-the-current-1', newPassword: 'Xin-Mi-Ma-2026', confirmPassword: 'Xin-Mi-Ma-2026' })
    expect(wrong.status).toBe(400)
    expect(wrong.body.data).toMatchObject({ code: 'CURRENT_PASSWORD_WRONG', message: '当前密码不正确' })

    const ok = await c.post('/api/auth/password', { currentPassword: START, newPassword: 'Xin-Mi-Ma-2026', confirmPassword: 'Xin-Mi-Ma-2026' })
    expect(ok.status).toBe(200)
    expect(ok.body.user).toMatchObject({ username: u.username, mustChangePassword: false })
    expect(JSON.stringify(ok.body)).not.toContain('Xin-Mi-Ma')
    expect((await c.get('/api/auth/me')).status).toBe(200)
    expect((await other.get('/api/auth/me')).status).toBe(401)
    expect((await login(u.username, START)).r.status).toBe(401)
    expect((await login(u.username, 'Xin-Mi-Ma-2026')).r.status).toBe(200)

    const audit = await admin.get('/api/staff/admin/audit?action=staff.password_change&limit=100')
    const mine = audit.body.items.filter((r: { objectId: string }) => r.objectId === u.id)
    expect(mine.map((r: { outcome: string }) => r.outcome).sort()).toEqual(['failed', 'ok'])
  })

  it('admin reset: 403 for others, ends the sessions, and the member can do nothing but change the password', async () => {
    const admin = await signedIn(base, 'admin')
    const u = await newAccount(admin, 'reviewer')
    const { c: before } = await login(u.username, START)
    expect((await before.get('/api/staff/legal-aid/applications')).status).toBe(200)

    const reviewer = await signedIn(base, 'reviewer1')
    expect((await reviewer.post(`/api/staff/admin/users/${u.id}/password`, { temporaryPassword: 'Lin-Shi-Mi-Ma-88' })).status).toBe(403)
    const weak = await admin.post(`/api/staff/admin/users/${u.id}/password`, { temporaryPassword: 'short' })
    expect(weak.status).toBe(400)
    expect(weak.body.data.issues[0].path).toBe('temporaryPassword')
    const withName = await admin.post(`/api/staff/admin/users/${u.id}/password`, { temporaryPassword: `${u.username}-2026` })
    expect(withName.status).toBe(400)
    expect(withName.body.data.code).toBe('WEAK_PASSWORD')
    const meId = (await admin.get('/api/auth/me')).body.user.id
    expect((await admin.post(`/api/staff/admin/users/${meId}/password`, { temporaryPassword: 'Lin-Shi-Mi-Ma-88' })).body.data.code).toBe('CANNOT_RESET_OWN_PASSWORD')

    const reset = await admin.post(`/api/staff/admin/users/${u.id}/password`, { temporaryPassword: 'Lin-Shi-Mi-Ma-88' })
    expect(reset.status).toBe(200)
    expect(reset.body).toMatchObject({ id: u.id, mustChangePassword: true })
    expect((await before.get('/api/auth/me')).status).toBe(401)

    const { c, r } = await login(u.username, 'Lin-Shi-Mi-Ma-88')
    expect(r.status).toBe(200)
    expect(r.body.user.mustChangePassword).toBe(true)
    expect((await c.get('/api/auth/me')).body.user.mustChangePassword).toBe(true)
    const blocked = await c.get('/api/staff/legal-aid/applications')
    expect(blocked.status).toBe(403)
    expect(blocked.body.data.code).toBe('PASSWORD_CHANGE_REQUIRED')
    const changed = await c.post('/api/auth/password', { currentPassword: 'Lin-Shi-Mi-Ma-88', newPassword: 'Wo-De-Xin-Mi-Ma-1', confirmPassword: 'Wo-De-Xin-Mi-Ma-1' })
    expect(changed.status).toBe(200)
    expect((await c.get('/api/staff/legal-aid/applications')).status).toBe(200)

    const audit = await admin.get('/api/staff/admin/audit?action=staff.password_reset&limit=100')
    expect(audit.body.items.find((x: { objectId: string }) => x.objectId === u.id)).toMatchObject({ actorUsername: 'admin', outcome: 'ok', detail: { revokedSessions: 1 } })
  })

  it('without JavaScript: the password form and the reset form post and get 303 with the same result', async () => {
    const admin = await signedIn(base, 'admin')
    const u = await newAccount(admin)

    // signed out: the form sends the member to the sign-in page
    const out = await new ApiClient(base).post('/staff/password', form({ currentPassword: START, newPassword: 'x', confirmPassword: 'x' }), FORM)
    expect(out.status).toBe(303)
    expect(out.headers.get('location')).toBe('/staff/login?next=%2Fstaff%2Fpassword')

    const resetBad = await admin.post('/staff/admin/users/reset', form({ id: u.id, temporaryPassword: 'short' }), FORM)
    expect(resetBad.status).toBe(303)
    expect(resetBad.headers.get('location')).toBe('/staff/admin/users')
    // the page it lands on shows the message, once (the flash cookie is cleared by that load)
    const page = await admin.get('/staff/admin/users', { accept: 'text/html' })
    expect(page.body).toContain('密码至少需要 10 个字符')
    expect(page.body).not.toContain('value="short"')
    expect((await admin.get('/staff/admin/users', { accept: 'text/html' })).body).not.toContain('密码至少需要 10 个字符')

    const reset = await admin.post('/staff/admin/users/reset', form({ id: u.id, temporaryPassword: 'Lin-Shi-Mi-Ma-99' }), FORM)
    expect(reset.status).toBe(303)
    expect((await admin.get('/staff/admin/users', { accept: 'text/html' })).body).toContain(`已重置 ${u.username} 的密码`)

    const { c } = await login(u.username, 'Lin-Shi-Mi-Ma-99')
    // any console page leads to the password page first
    const landing = await c.get('/staff', { accept: 'text/html' })
    expect(landing.status).toBe(302)
    expect(landing.headers.get('location')).toBe('/staff/password')
    const wrong = await c.post('/staff/password', form({ currentPassword: 'Not-it-at-all-1', newPassword: 'Wo-De-Xin-Mi-Ma-2', confirmPassword: 'Wo-De-Xin-Mi-Ma-2' }), FORM)
    expect(wrong.status).toBe(303)
    expect(wrong.headers.get('location')).toBe('/staff/password')
    const again = await c.get('/staff/password', { accept: 'text/html' })
    expect(again.body).toContain('当前密码不正确')
    expect(again.body).not.toContain('Wo-De-Xin-Mi-Ma-2')
    const ok = await c.post('/staff/password', form({ currentPassword: 'Lin-Shi-Mi-Ma-99', newPassword: 'Wo-De-Xin-Mi-Ma-2', confirmPassword: 'Wo-De-Xin-Mi-Ma-2' }), FORM)
    expect(ok.status).toBe(303)
    expect(ok.headers.get('location')).toBe('/staff?changed=password')
    const home = await c.get('/staff?changed=password', { accept: 'text/html' })
    expect(home.status).toBe(200)
    expect(home.body).toContain('密码已修改')
    expect((await login(u.username, 'Wo-De-Xin-Mi-Ma-2')).r.status).toBe(200)

    // text that is not text (NUL) comes back as a message, never a 5xx
    const nul = await admin.post('/staff/admin/users', form({ username: uniqueName('nul'), displayName: 'a\u0000b', role: 'operator', password: START }), FORM)
    expect(nul.status).toBe(303)
    expect((await admin.get('/staff/admin/users', { accept: 'text/html' })).body).toContain('内容包含无法识别的字符')

    // a cross-site form is refused before anything happens
    const cross = await new ApiClient(base, 'https://evil.example').post('/staff/admin/users/reset', form({ id: u.id, temporaryPassword: 'Lin-Shi-Mi-Ma-77' }), FORM)
    expect(cross.status).toBe(403)
  })

  it('without JavaScript: 停用, 启用 and 解除锁定 on the accounts page post and get 303 with the same result (audited)', async () => {
    const admin = await signedIn(base, 'admin')
    const u = await newAccount(admin)
    const page = async () => (await admin.get('/staff/admin/users', { accept: 'text/html' })).body as string
    // signed out: to the sign-in page; another role: refused in words, nothing changed
    const out = await new ApiClient(base).post(`/staff/admin/users/${u.id}/disable`, '', FORM)
    expect(out.status).toBe(303)
    expect(out.headers.get('location')).toMatch(/^\/staff\/login\?next=/)
    const operator = await signedIn(base, 'operator1')
    expect((await operator.post(`/staff/admin/users/${u.id}/disable`, '', FORM)).status).toBe(303)
    expect((await login(u.username, START)).r.status).toBe(200)

    const { c: member } = await login(u.username, START)
    const disabled = await admin.post(`/staff/admin/users/${u.id}/disable`, '', FORM)
    expect(disabled.status).toBe(303)
    expect(disabled.headers.get('location')).toBe('/staff/admin/users')
    expect(await page()).toContain(`已停用 ${u.username}，其登录已全部失效。`)
    expect((await member.get('/api/auth/me')).status).toBe(401)
    expect((await login(u.username, START)).r.status).not.toBe(200)

    expect((await admin.post(`/staff/admin/users/${u.id}/enable`, '', FORM)).status).toBe(303)
    expect(await page()).toContain(`已启用 ${u.username}。`)
    // locked by five wrong passwords (from one address of its own), unlocked by the form
    const addr = { 'x-forwarded-for': `10.97.${seq % 250}.${Date.now() % 250}` }
    const c = new ApiClient(base)
    for (let i = 0; i < 5; i++) await c.post('/api/auth/login', { username: u.username, password: 'wrong-password-1' }, addr)
    expect((await c.post('/api/auth/login', { username: u.username, password: START }, addr)).status).toBe(429)
    expect((await admin.post(`/staff/admin/users/${u.id}/unlock`, '', FORM)).status).toBe(303)
    expect(await page()).toContain(`已解除 ${u.username} 的登录锁定。`)
    expect((await c.post('/api/auth/login', { username: u.username, password: START }, addr)).status).toBe(200)

    // an action that is not one, and an id that is not one: refused in words, never a 5xx
    expect((await admin.post(`/staff/admin/users/${u.id}/delete`, '', FORM)).status).toBe(303)
    expect(await page()).toContain('找不到该账号')
    expect((await admin.post('/staff/admin/users/not-an-id/disable', '', FORM)).status).toBe(303)
    for (const action of ['staff.disable', 'staff.enable', 'staff.unlock']) {
      const audit = await admin.get(`/api/staff/admin/audit?action=${action}&limit=50`)
      expect(audit.body.items.some((r: { objectId: string }) => r.objectId === u.id), action).toBe(true)
    }
  })
})
