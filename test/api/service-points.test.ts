// The service-point finder's API (issue 9) against the built portal: filters by county, level,
// service and channel; every item carries `channels`; a bad filter → 400 with a Chinese message,
// never 5xx; the finder page renders the same filtered list without JavaScript.
import { describe, expect, it } from 'vitest'
import { ApiClient, servers, signedIn } from './helpers/client'

interface Point { id: string, code: string, name: string, level: string, county: string | null, services: string[], channels: string[], address: string, phone: string, openingHours: Record<string, string>, accessibility: string, isDemo: boolean, demoFields: string[] }
const CHANNELS = ['walk_in', 'online', 'hotline_callback']

describe.each(servers())('service-point finder on $name', (server) => {
  const anon = new ApiClient(server.url)

  it('lists the four levels, each point with address, phone, hours, accessibility and its channels', async () => {
    const r = await anon.get<Point[]>('/api/service-points')
    expect(r.status).toBe(200)
    const all = r.body
    expect(new Set(all.map(p => p.level))).toEqual(new Set(['city', 'county', 'township', 'village']))
    for (const p of all) {
      expect(p.address, p.code).not.toBe('')
      expect(p.phone, p.code).toMatch(/^\d[\d-]{4,}$/)
      expect(Object.keys(p.openingHours).length, p.code).toBeGreaterThan(0)
      expect(p.accessibility, p.code).not.toBe('')
      expect(Array.isArray(p.channels)).toBe(true)
      expect(p.channels.every(c => CHANNELS.includes(c)), p.code).toBe(true)
    }
    // demo data is marked as such: names, addresses and accessibility notes say 示例
    for (const p of all.filter(x => x.isDemo)) expect(`${p.name}${p.address}`, p.code).toContain('示例')
  })

  it('filters by county, level, service and channel, alone and together', async () => {
    const all = (await anon.get<Point[]>('/api/service-points')).body
    const get = async (q: string) => {
      const r = await anon.get<Point[]>(`/api/service-points?${q}`)
      expect(r.status, q).toBe(200)
      return r.body
    }
    const helan = await get('county=helan')
    expect(helan.length).toBeGreaterThan(1)
    expect(helan.every(p => p.county === 'helan')).toBe(true)
    expect(helan.map(p => p.id).sort()).toEqual(all.filter(p => p.county === 'helan').map(p => p.id).sort())
    const city = await get('county=city')
    expect(city.map(p => p.level)).toEqual(['city'])
    const villages = await get('level=village')
    expect(villages.length).toBe(all.filter(p => p.level === 'village').length)
    expect(villages.every(p => p.level === 'village')).toBe(true)
    const mediation = await get(`service=${encodeURIComponent('人民调解')}`)
    expect(mediation.length).toBeGreaterThan(0)
    expect(mediation.length).toBeLessThan(all.length + 1)
    expect(mediation.every(p => p.services.includes('人民调解'))).toBe(true)
    const notary = await get(`service=${encodeURIComponent('公证咨询')}`)
    expect(notary.length).toBeLessThan(all.length)
    const walkIn = await get('channel=walk_in')
    expect(walkIn.every(p => p.channels.includes('walk_in'))).toBe(true)
    expect(walkIn.map(p => p.id).sort()).toEqual(all.filter(p => p.channels.includes('walk_in')).map(p => p.id).sort())
    const both = await get('county=yongning&level=village&channel=walk_in')
    expect(both.length).toBeGreaterThan(0)
    expect(both.every(p => p.county === 'yongning' && p.level === 'village' && p.channels.includes('walk_in'))).toBe(true)
    expect(await get('county=&level=&service=&channel=')).toHaveLength(all.length)
  })

  it('a bad filter is a 400 with a Chinese message naming the field, never a 5xx', async () => {
    const bad: Array<[string, RegExp]> = [
      ['county=beijing', /区县不正确/], ['level=palace', /网点级别不正确/], ['service=%E7%A6%BB%E5%A9%9A', /服务项目不正确/],
      ['channel=fax', /预约方式不正确/], ['level=city&level=county', /网点级别不正确/],
      [`county=${'x'.repeat(5000)}`, /区县不正确/],
    ]
    for (const [q, message] of bad) {
      const r = await anon.get<{ data: { code: string, issues: Array<{ path: string, message: string }> } }>(`/api/service-points?${q}`)
      expect(r.status, q).toBe(400)
      expect(r.body.data.code, q).toBe('VALIDATION')
      expect(r.body.data.issues[0]!.message, q).toMatch(message)
    }
    // not text at all: refused by the request guard before the schema, still a 400 in Chinese
    const nul = await anon.get<{ data: { code: string, message: string } }>('/api/service-points?county=helan%00')
    expect(nul.status).toBe(400)
    expect(nul.body.data.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('the finder page renders the filtered list without JavaScript, and a bad filter as a 400 page with its message', async () => {
    const html = await (await fetch(`${server.url}/service-points?county=helan&level=township`)).text()
    expect(html).toContain('贺兰县、乡镇(街道)工作站：找到 1 个服务网点')
    expect(html).toMatch(/href="\/appointments\?servicePointId=[0-9a-f-]{36}"/)
    const bad = await fetch(`${server.url}/service-points?level=palace`)
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('网点级别不正确')
  })
})

// Admins edit a point's details in the staff console (issue 9): JSON route and the no-JS form, one
// schema, audited, admins only; the public finder shows the new values and drops the 示例 mark of
// the edited fields only. Works on one village point (no other API file books there) and puts its
// values back at the end.
describe.each(servers())('service-point details edited by admins on $name', (server) => {
  const anon = new ApiClient(server.url)
  const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'accept': 'text/html' }
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()

  it('401 → 403 → 400 in Chinese → 200; the finder shows the new values; the no-JS form answers 303 with its message; audited', async () => {
    const all = (await anon.get<Point[]>('/api/service-points?level=village&county=lingwu')).body
    const point = all[0]!
    expect(point.demoFields).toEqual(['address', 'phone', 'openingHours', 'accessibility'])
    const path = `/api/staff/admin/service-points/${point.id}`
    const original = { address: point.address, phone: point.phone, openingHours: Object.entries(point.openingHours).map(([d, h]) => `${d} ${h}`).join('\n'), accessibility: point.accessibility, active: true }
    const edited = { ...original, address: '灵武市测试路 8 号（测试数据）', openingHours: '周二、周四 09:00-11:30\n周六 09:00-10:00' }
    const { active: _, ...unchecked } = edited

    expect((await anon.put(path, edited)).status).toBe(401)
    const operator = await signedIn(server.url, 'operator1')
    expect((await operator.put(path, edited)).status).toBe(403)
    expect((await operator.get('/api/staff/admin/service-points')).status).toBe(403)
    const admin = await signedIn(server.url, 'admin')
    const bad = await admin.put<{ data: { code: string, issues: Array<{ path: string, message: string }> } }>(path, { ...edited, phone: '１２３' })
    expect(bad.status).toBe(400)
    expect(bad.body.data.issues[0]!.message).toMatch(/请填写网点电话/)
    expect((await admin.put(path, { ...edited, address: '灵武\u0000' })).status).toBe(400)
    expect((await admin.put('/api/staff/admin/service-points/00000000-0000-4000-8000-000000000000', edited)).body).toMatchObject({ data: { code: 'SERVICE_POINT_NOT_FOUND' } })

    try {
      const ok = await admin.put<Point & { active: boolean }>(path, edited)
      expect(ok.status).toBe(200)
      expect(ok.body.demoFields).toEqual(['phone', 'accessibility'])
      const shown = (await anon.get<Point[]>('/api/service-points?level=village&county=lingwu')).body.find(p => p.id === point.id)!
      expect(shown).toMatchObject({ address: '灵武市测试路 8 号（测试数据）', openingHours: { '周二、周四': '09:00-11:30', '周六': '09:00-10:00' }, demoFields: ['phone', 'accessibility'] })
      const page = await (await fetch(`${server.url}/service-points?county=lingwu&level=village`)).text()
      expect(page).toContain('灵武市测试路 8 号（测试数据）')
      expect(page).toContain('周六 09:00–10:00')
      expect(page).toContain('标“示例”的信息是演示数据')
      // the edited fields lose their tag, the others keep it: this card has two left (phone, accessibility)
      const card = page.slice(page.indexOf('灵武市测试路 8 号'), page.indexOf('</li>', page.indexOf('灵武市测试路 8 号')))
      expect(card.match(/class="demo"/g)).toHaveLength(2)

      // without JavaScript: the same service; refused → 303 back to the form, the message in the sealed flash, not the URL
      const refused = await admin.post(`/staff/admin/service-points/${point.id}`, form({ ...unchecked, active: 'on', phone: 'abc' }), FORM)
      expect(refused.status).toBe(303)
      expect(refused.headers.get('location')).toBe(`/staff/admin/service-points?edit=${point.id}`)
      const again = await admin.get(refused.headers.get('location')!, { accept: 'text/html' })
      expect(again.body).toContain('请填写网点电话')
      // an unchecked box is absent: the point goes out of service and leaves the public list
      const off = await admin.post(`/staff/admin/service-points/${point.id}`, form({ ...unchecked, phone: '0951-4012348' }), FORM)
      expect(off.status).toBe(303)
      expect((await admin.get(off.headers.get('location')!, { accept: 'text/html' })).body).toContain('已停用')
      expect((await anon.get<Point[]>('/api/service-points')).body.some(p => p.id === point.id)).toBe(false)
      const staffList = (await admin.get<Array<Point & { active: boolean }>>('/api/staff/admin/service-points')).body
      expect(staffList.find(p => p.id === point.id)).toMatchObject({ active: false, phone: '0951-4012348' })
      // an operator's no-JS post is refused like the JSON one
      const notAdmin = await operator.post(`/staff/admin/service-points/${point.id}`, form({ ...unchecked, active: 'on' }), FORM)
      expect(notAdmin.status).toBe(303)
      expect((await admin.get<Array<Point & { active: boolean }>>('/api/staff/admin/service-points')).body.find(p => p.id === point.id)!.active).toBe(false)

      const audit = await admin.get<{ items: Array<{ action: string, objectId: string | null }> }>('/api/staff/admin/audit?action=service_point.update')
      expect(audit.status).toBe(200)
      expect(JSON.stringify(audit.body)).toContain(point.id)
    } finally {
      expect((await admin.put(path, original)).status).toBe(200)
    }
  })
})

// The staff pages that pick a service point (the hygiene fix after issue 9): the schedules admin
// page lists every point, one out of service marked 停用 with its schedules still shown (read from
// the staff list, not the public active-only one); booking a visit for a 12348 caller offers only
// points that can take one (active, with walk-in hours). Works on one lingwu village point and puts
// it back (its weekly rule comes back as an admin's rule, no longer marked 示例).
describe.each(servers())('staff pages pick the service points they are for on $name', (server) => {
  const anon = new ApiClient(server.url)

  it('the schedules page shows a point out of service as 停用 with its rules; the hotline visit booking offers only active points with walk-in hours', async () => {
    const admin = await signedIn(server.url, 'admin')
    const op = await signedIn(server.url, 'operator1')
    const point = (await anon.get<Point[]>('/api/service-points?level=village&county=lingwu')).body.at(-1)!
    expect(point.channels).toContain('walk_in')
    const path = `/api/staff/admin/service-points/${point.id}`
    const original = { address: point.address, phone: point.phone, openingHours: Object.entries(point.openingHours).map(([d, h]) => `${d} ${h}`).join('\n'), accessibility: point.accessibility, active: true }
    const html = async (c: ApiClient, p: string) => {
      const r = await c.get(p, { accept: 'text/html' })
      expect(r.status, p).toBe(200)
      return String(r.body)
    }
    const call = await op.post<{ id: string }>('/api/staff/hotline/calls', { topic: '婚姻家庭', summary: '想到村里的调解室当面咨询。', outcome: 'answered', callerPhone: `137${String(Date.now()).slice(-8)}` })
    expect(call.status).toBe(201)
    const visitPoints = async () => {
      const page = await html(op, `/staff/hotline?open=${call.body.id}&bookChannel=walk_in`)
      const select = page.slice(page.indexOf('id="hl-book-point"'), page.indexOf('</select>', page.indexOf('id="hl-book-point"')))
      expect(select).toContain('<option')
      return select
    }
    const schedules = () => html(admin, `/staff/admin/schedules?servicePointId=${point.id}`)
    const rules = async () => (await admin.get<{ rules: Array<{ id: string, servicePointId: string | null, channel: string, weekdays: number[], startTime: string, endTime: string, slotMinutes: number, capacity: number, validFrom: string | null, validTo: string | null, isDemo: boolean }> }>(`/api/staff/admin/schedules?servicePointId=${point.id}`)).body.rules

    expect(await visitPoints()).toContain(`value="${point.id}"`)
    expect((await schedules()).includes(`>${point.name}</option>`)).toBe(true)
    const own = (await rules()).filter(r => r.servicePointId === point.id)
    expect(own.length).toBeGreaterThan(0)

    try {
      expect((await admin.put(path, { ...original, active: false })).status).toBe(200)
      const page = await schedules()
      expect(page.includes(`>${point.name}（停用）</option>`), 'the point, marked 停用, in the pickers').toBe(true)
      expect(page.includes(`>${point.name}（停用）</strong>`), 'its weekly rules, under its name').toBe(true)
      expect(page.includes('已不存在的服务点')).toBe(false)
      expect(await visitPoints()).not.toContain(`value="${point.id}"`)
    } finally {
      expect((await admin.put(path, original)).status).toBe(200)
    }

    // Active but without walk-in hours: not offered for a visit (its rules removed, then added back).
    const walkIn = own.filter(r => r.channel === 'walk_in')
    try {
      for (const r of walkIn) expect((await admin.delete(`/api/staff/admin/schedules/rules/${r.id}`)).status).toBeLessThan(300)
      expect((await anon.get<Point[]>('/api/service-points?level=village&county=lingwu')).body.find(p => p.id === point.id)!.channels).not.toContain('walk_in')
      expect(await visitPoints()).not.toContain(`value="${point.id}"`)
    } finally {
      for (const { id: _id, isDemo: _demo, ...r } of walkIn) expect((await admin.post('/api/staff/admin/schedules/rules', r)).status).toBe(201)
    }
    expect(await visitPoints()).toContain(`value="${point.id}"`)
  })
})
