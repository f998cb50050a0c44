// Law in force against the built portal (issue 11): GET /api/statutes/[id] carries inForce,
// versionDate and where the article stands; editors import a new version of a law from a file and
// mark a law repealed (401 → 400 → 201/200), and the old article's page says so and links the
// current provision; the seeded record for the 2012 治安管理处罚法 is listed.
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { ApiClient, servers, signedIn } from './helpers/client'

const lawId = () => `L${randomBytes(5).toString('hex')}`
const file = (law: string, version: string, labels: string[]) => labels.map((label, i) => JSON.stringify({
  id: `${law}-a${String(i + 1).padStart(4, '0')}`, law_id: law, law_title: `测试条例${law}`, level: '地方性法规',
  version_date: version, article_no: i + 1, article_label: label, text: `${label}（${version} 版）的测试条文。`,
})).join('\n')

describe.each(servers())('statutes on $name', (server) => {
  const api = new ApiClient(server.url)

  it('an article in force says so, with its version date', async () => {
    const r = await api.get('/api/statutes/L67a404eb29-a0031')
    expect(r.status).toBe(200)
    expect(r.body.statute).toMatchObject({ id: 'L67a404eb29-a0031', inForce: true })
    expect(r.body.statute.versionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(r.body.status).toEqual({ kind: 'in_force', since: null, note: '', source: 'dataset', current: null, currentLaw: null })
  })

  it('editors import a new version, the old article is superseded and links the same label; a repeal says since when', { timeout: 60_000 }, async () => {
    const v1 = lawId()
    const v2 = lawId()
    expect((await api.post('/api/staff/statutes/import', { jsonl: file(v1, '2001-01-01', ['第一条']) })).status).toBe(401)
    const editor = await signedIn(server.url, 'editor1')
    const bad = await editor.post('/api/staff/statutes/import', { jsonl: '{"id":"x"}' })
    expect(bad.status).toBe(400)
    expect(bad.body.data.code).toBe('IMPORT_INVALID')
    const first = await editor.post('/api/staff/statutes/import', { jsonl: file(v1, '2001-01-01', ['第一条', '第二条']) })
    expect(first.status).toBe(201)
    const second = await editor.post('/api/staff/statutes/import', { jsonl: file(v2, '2030-01-01', ['第一条', '第二条']), supersedesLawId: v1, effectiveDate: '2030-01-01', note: '测试修订。' })
    expect(second.status).toBe(201)
    expect(second.body).toMatchObject({ lawId: v2, articles: 2, superseded: { lawId: v1, status: 'superseded', successorLawId: v2, effectiveDate: '2030-01-01' } })

    const old = await api.get(`/api/statutes/${v1}-a0001`)
    expect(old.status).toBe(200)
    expect(old.body.statute).toMatchObject({ inForce: false, versionDate: '2001-01-01' })
    expect(old.body.status).toMatchObject({ kind: 'superseded', since: '2030-01-01', source: 'editorial', current: { id: `${v2}-a0001`, versionDate: '2030-01-01' } })
    expect(old.body.status.note).toContain('自2030年1月1日起')

    // mark the new one repealed: 400 on a bad date, then 200; its page says repealed since then
    expect((await editor.post(`/api/staff/statutes/laws/${v2}/status`, { status: 'repealed', effectiveDate: '2030-02-30' })).status).toBe(400)
    expect((await api.post(`/api/staff/statutes/laws/${v2}/status`, { status: 'repealed' })).status).toBe(401)
    const rep = await editor.post(`/api/staff/statutes/laws/${v2}/status`, { status: 'repealed', effectiveDate: '2031-01-01', note: '' })
    expect(rep.status).toBe(200)
    const cur = await api.get(`/api/statutes/${v2}-a0002`)
    expect(cur.body.statute.inForce).toBe(false)
    expect(cur.body.status).toMatchObject({ kind: 'repealed', since: '2031-01-01', current: null })
    expect((await editor.post('/api/staff/statutes/laws/L0000000000/status', { status: 'repealed' })).status).toBe(404)
  })

  it('the 标记 form works without JavaScript: POST /staff/statutes answers 303 with the same checks and service', { timeout: 60_000 }, async () => {
    const FORM = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }
    const law = lawId()
    const editor = await signedIn(server.url, 'editor1')
    expect((await editor.post('/api/staff/statutes/import', { jsonl: file(law, '2001-01-01', ['第一条']) })).status).toBe(201)
    const out = await api.post('/staff/statutes', `lawId=${law}&status=repealed`, FORM)
    expect(out.status).toBe(303)
    expect(out.headers.get('location')).toMatch(/^\/staff\/login\?next=/)
    const operator = await signedIn(server.url, 'operator1')
    expect((await operator.post('/staff/statutes', `lawId=${law}&status=repealed`, FORM)).status).toBe(303)
    expect((await api.get(`/api/statutes/${law}-a0001`)).body.statute.inForce).toBe(true)

    const bad = await editor.post('/staff/statutes', 'lawId=nope&status=repealed&effectiveDate=2031-02-30', FORM)
    expect(bad.status).toBe(303)
    expect(bad.headers.get('location')).toBe('/staff/statutes')
    const badPage = (await editor.get('/staff/statutes', { accept: 'text/html' })).body as string
    expect(badPage).toContain('法律编号格式不正确')
    expect(badPage).toContain('日期不存在')
    expect((await api.get(`/api/statutes/${law}-a0001`)).body.statute.inForce).toBe(true)

    const ok = await editor.post('/staff/statutes', `lawId=${law}&status=repealed&effectiveDate=2031-01-01&note=&successorLawId=`, FORM)
    expect(ok.status).toBe(303)
    expect((await editor.get('/staff/statutes', { accept: 'text/html' })).body).toContain(`已标记《测试条例${law}》已废止`)
    const after = await api.get(`/api/statutes/${law}-a0001`)
    expect(after.body.statute.inForce).toBe(false)
    expect(after.body.status).toMatchObject({ kind: 'repealed', since: '2031-01-01' })
  })

  it('lists the seeded record: the 2012 治安管理处罚法 superseded since 2026-01-01', async () => {
    expect((await api.get('/api/staff/statutes/status')).status).toBe(401)
    const editor = await signedIn(server.url, 'editor1')
    const r = await editor.get('/api/staff/statutes/status')
    expect(r.status).toBe(200)
    expect(r.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ lawId: 'Ldcf3ee39da', status: 'superseded', effectiveDate: '2026-01-01', source: 'seed' })]))
  })
})
