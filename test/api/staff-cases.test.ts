// The editor routes against the built portal: 401 → 400 → 201 → 409, the PII guard, drafts
// invisible to the public, publish → searchable, unpublish → gone, and the lexicon review.
import { describe, expect, it } from 'vitest'
import { ApiClient, servers, signedIn } from './helpers/client'
import { personalValuesIn } from '../helpers/personal-data'
import { caseDraft } from '../helpers/case-draft'

async function until(fn: () => Promise<boolean>, ms = 60_000) {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (await fn()) return true
    await new Promise(r => setTimeout(r, 300))
  }
  return false
}

const body = (slug: string, extra: Record<string, unknown> = {}) => ({
  ...caseDraft(slug, { title: '工地包工头跑了工资找谁要', source: '银川市公共法律服务平台编写（测试）', commonQuestions: ['包工头跑了工资找谁要', '工地欠薪找谁', '总包要不要替分包还工资'] }), ...extra,
})

describe.each(servers())('editor console on $name', (server) => {
  const stamp = Date.now().toString(36)

  it('walks 401 → 403 → 400 → 201 → 409 and keeps drafts private', async () => {
    const anon = new ApiClient(server.url)
    expect((await anon.post('/api/staff/cases', body(`t-${stamp}`))).status).toBe(401)
    expect((await anon.get('/api/staff/cases')).status).toBe(401)
    const operator = await signedIn(server.url, 'operator1')
    expect((await operator.post('/api/staff/cases', body(`t-${stamp}`))).status).toBe(403)

    const editor = await signedIn(server.url, 'editor1')
    const bad = await editor.post('/api/staff/cases', { ...body(`t-${stamp}`), category: '劳动争议" OR 1=1', extra: 1 })
    expect(bad.status).toBe(400)
    expect(bad.body.data.code).toBe('VALIDATION')
    const unknown = await editor.post('/api/staff/cases', body(`u-${stamp}`, { statuteIds: ['L0000000000-a0001'] }))
    expect(unknown.status).toBe(400)
    expect(unknown.body.data.code).toBe('UNKNOWN_STATUTE')

    const created = await editor.post('/api/staff/cases', body(`t-${stamp}`))
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ slug: `t-${stamp}`, status: 'draft', version: 1, statuteIds: ['Lef955985f1-a0030'] })
    const dup = await editor.post('/api/staff/cases', body(`t-${stamp}`))
    expect(dup.status).toBe(409)
    expect(dup.body.data.code).toBe('SLUG_TAKEN')

    expect((await anon.get(`/api/cases/t-${stamp}`)).status).toBe(404)
    const list = await editor.get('/api/staff/cases?status=draft')
    expect(list.status).toBe(200)
    expect(list.body.items.map((i: { slug: string }) => i.slug)).toContain(`t-${stamp}`)
  })

  it('publishes to the public and the index, and unpublishes out of both', async () => {
    const editor = await signedIn(server.url, 'editor1')
    const anon = new ApiClient(server.url)
    const slug = `p-${stamp}`
    const created = await editor.post('/api/staff/cases', body(slug, { title: `青铜器修复工欠薪${stamp}` }))
    expect(created.status).toBe(201)
    const id = created.body.id
    const q = `/api/search?q=${encodeURIComponent(`青铜器修复工欠薪${stamp}`)}`
    const found = (b: any) => b.cases.hits.some((h: { id: string }) => h.id === id)

    expect(found((await anon.get(q)).body)).toBe(false)
    const pub = await editor.post(`/api/staff/cases/${id}/publish`)
    expect(pub.status).toBe(200)
    expect(pub.body.status).toBe('published')
    expect((await editor.post(`/api/staff/cases/${id}/publish`)).status).toBe(409)
    expect((await anon.get(`/api/cases/${slug}`)).status).toBe(200)
    expect(await until(async () => found((await anon.get(q)).body))).toBe(true)

    const stale = await editor.put(`/api/staff/cases/${id}`, { ...body(slug), version: 1 })
    expect(stale.status).toBe(409)
    expect(stale.body.data.code).toBe('CASE_VERSION_CONFLICT')

    const un = await editor.post(`/api/staff/cases/${id}/unpublish`)
    expect(un.status).toBe(200)
    expect((await anon.get(`/api/cases/${slug}`)).status).toBe(404)
    expect(await until(async () => !found((await anon.get(q)).body))).toBe(true)
  })

  it('refuses to publish ID numbers and phone numbers', async () => {
    const editor = await signedIn(server.url, 'editor1')
    const created = await editor.post('/api/staff/cases', body(`pii-${stamp}`, {
      outcome: '联系电话 139 1234 5678，调解员已回访。',
      nextSteps: ['带上身份证 11010519491231002X 原件。', '拨打12348咨询。'],
    }))
    expect(created.status).toBe(201)
    const r = await editor.post(`/api/staff/cases/${created.body.id}/publish`)
    expect(r.status).toBe(400)
    expect(r.body.data.code).toBe('PII_DETECTED')
    expect(r.body.data.fields).toEqual(['outcome', 'nextSteps.0'])
    expect(personalValuesIn(r.body, ['139 1234 5678', '11010519491231002X'])).toEqual([])
    expect((await editor.get(`/api/staff/cases/${created.body.id}`)).body.status).toBe('draft')
  })

  it('reviews lexicon entries: 401 → 400 → 201 → 409, approve once', async () => {
    const anon = new ApiClient(server.url)
    const entry = { id: `test.e${stamp}`, colloquial: ['测试口语词'], legal: ['测试法律词'], kind: 'synonym' }
    expect((await anon.post('/api/staff/lexicon', entry)).status).toBe(401)
    const editor = await signedIn(server.url, 'editor1')
    expect((await editor.post('/api/staff/lexicon', { ...entry, kind: 'magic' })).status).toBe(400)
    const created = await editor.post('/api/staff/lexicon', entry)
    expect(created.status).toBe(201)
    expect(created.body.status).toBe('draft')
    expect((await editor.post('/api/staff/lexicon', entry)).status).toBe(409)
    const drafts = await editor.get('/api/staff/lexicon?status=draft')
    expect(drafts.body.map((e: { id: string }) => e.id)).toContain(entry.id)
    const ok = await editor.post(`/api/staff/lexicon/${entry.id}/approve`)
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ status: 'approved', settingsApplied: expect.any(Boolean) })
    expect((await editor.post(`/api/staff/lexicon/${entry.id}/reject`)).status).toBe(409)
    expect((await editor.post('/api/staff/lexicon/test.none/approve')).status).toBe(404)
  })
})
