import { describe, expect, it } from 'vitest'
import { ApiClient, servers, signedIn } from './helpers/client'
import { personalValuesIn } from '../helpers/personal-data'

const SCREEN = '/api/eligibility/screenings'

describe.each(servers())('eligibility screening on $name', (server) => {
  const anon = () => new ApiClient(server.url)

  it('a migrant worker owed wages is eligible without a means test (art. 42 (3)), with consultation offered', async () => {
    const r = await anon().post(SCREEN, { matter: 'labor_remuneration', person: { statuses: ['migrant_worker'] } })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ outcome: 'eligible', meansTest: 'exempt', consultationOffered: true, mandatoryAppointment: false })
    expect(r.body.basis).toEqual(expect.arrayContaining([expect.objectContaining({ law: '法律援助法', article: 42, item: 3, statuteId: 'L67a404eb29-a0042' })]))
    expect(r.body.ruleVersion).toMatch(/^engine-[\d.]+;std-none;rs-/)
    expect(r.body.documents.length).toBeGreaterThan(0)
    expect(r.headers.get('cache-control')).toBe('no-store')
  })

  it('a means test records the standard version that decided it', async () => {
    const r = await anon().post(SCREEN, { matter: 'support_payment', household: { size: 3, monthlyIncome: 1200, county: 'xingqing', residence: 'urban' } })
    expect(r.status).toBe(200)
    expect(r.body.meansTest).toBe('passed')
    expect(r.body.ruleVersion).toContain(`std-${r.body.standard.id}`)
    expect(r.body.pledgeAllowed).toBe(true)
  })

  it('missing facts: needs_review, meansTest unknown, and the list of what is missing', async () => {
    const r = await anon().post(SCREEN, { matter: 'labor_remuneration' })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ outcome: 'needs_review', meansTest: 'unknown', consultationOffered: true })
    expect(r.body.missing.join()).toContain('家庭月收入')
  })

  it.each([
    ['an unknown matter code', { matter: 'lottery' }, 'matter', /申请事项不在可选范围内/],
    ['a negative income', { household: { monthlyIncome: -1 } }, 'household.monthlyIncome', /不能为负数/],
    ['age 300', { person: { age: 300 } }, 'person.age', /不能大于 130 岁/],
    ['a number as text', { person: { age: '30' } }, 'person.age', /年龄必须是数字/],
    ['an unknown status', { person: { statuses: ['vip'] } }, 'person.statuses.0', /身份类别不在可选范围内/],
    ['an unknown key', { matter: 'other', name: '张三' }, '', /包含不支持的字段/],
  ])('refuses %s with a field-level Chinese message', async (_what, payload, path, message) => {
    const r = await anon().post(SCREEN, payload)
    expect(r.status).toBe(400)
    expect(r.body.data.code).toBe('VALIDATION')
    const issue = r.body.data.issues.find((i: { path: string }) => i.path === path)
    expect(issue, JSON.stringify(r.body.data.issues)).toBeDefined()
    expect(issue.message).toMatch(message)
    expect(personalValuesIn(r.body, ['张三'])).toEqual([])
  })

  it('refuses malformed JSON and a huge body', async () => {
    const bad = await anon().post(SCREEN, '{"matter":')
    expect(bad.status).toBe(400)
    const huge = await anon().post(SCREEN, { matter: 'other', pad: 'x'.repeat(70 * 1024) })
    expect(huge.status).toBe(413)
    expect(huge.body.data.code).toBe('PAYLOAD_TOO_LARGE')
  })
})

describe.each(servers())('hardship standards admin on $name', (server) => {
  const PATH = '/api/staff/admin/standards'

  it('401 signed out, 403 for a reviewer', async () => {
    expect((await new ApiClient(server.url).get(PATH)).status).toBe(401)
    expect((await (await signedIn(server.url, 'reviewer1')).get(PATH)).status).toBe(403)
  })

  it('lists the seeded versions, adds one (audited), refuses overlaps and bad input; screenings use it at once', async () => {
    const admin = await signedIn(server.url, 'admin')
    const list = await admin.get(PATH)
    expect(list.status).toBe(200)
    expect(list.body.length).toBeGreaterThanOrEqual(24)
    expect(list.body.find((s: { id: string }) => s.id === 'yc-2026-lingwu-rural')).toMatchObject({ demo: true, multiplier: 2, countyLabel: '灵武市' })

    const bad = await admin.post(PATH, { id: 'x', county: 'mars', residence: 'urban', dibaoMonthly: -5, multiplier: 2, effectiveFrom: '2026-02-30', source: '' })
    expect(bad.status).toBe(400)
    expect(bad.body.data.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['id', 'county', 'dibaoMonthly', 'effectiveFrom', 'source']))

    const overlap = await admin.post(PATH, { id: `t-${Date.now()}`, county: 'lingwu', residence: 'rural', dibaoMonthly: 700, multiplier: 2, effectiveFrom: '2026-01-01', source: '测试来源文件' })
    expect(overlap.status).toBe(409)
    expect(overlap.body.data.code).toBe('STANDARD_OVERLAP')

    const id = `yc-test-${Date.now()}`
    const created = await admin.post(PATH, { id, county: 'lingwu', residence: 'rural', dibaoMonthly: 50, multiplier: 2, effectiveFrom: '2026-02-01', source: '测试：灵武市民政局公告（测试数据）' })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ id, thresholdMonthly: 100, demo: false })

    const screened = await new ApiClient(server.url).post(SCREEN, { matter: 'support_payment', household: { size: 1, monthlyIncome: 150, county: 'lingwu', residence: 'rural' } })
    expect(screened.body.ruleVersion).toContain(`std-${id}`)
    expect(screened.body.meansTest).toBe('failed')

    const audit = await admin.get('/api/staff/admin/audit?action=standard.create')
    expect(audit.body.items.some((a: { objectId: string }) => a.objectId === id)).toBe(true)
  })
})
