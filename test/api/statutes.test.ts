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
    // a body over the ordinary 64 KiB cap is not read for anyone signed out: 401, not the edge's 400 for broken JSON
    const unread = await api.post('/api/staff/statutes/import', `{"jsonl":"${'x'.repeat(100 * 1024)}`, { 'content-type': 'application/json' })
    expect(unread.status).toBe(401)
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

  it('the import form works without JavaScript: a multipart POST to /staff/statutes/import answers 303 with the counts, or the refusal in words and nothing written', { timeout: 120_000 }, async () => {
    const HTML = { accept: 'text/html' }
    /** The form as a browser sends it: the text fields, then the file input (a part with a file name). */
    const form = (file: BlobPart | null, fields: Record<string, string> = {}, fileName = 'law.jsonl') => {
      const f = new FormData()
      for (const [k, v] of Object.entries(fields)) f.append(k, v)
      f.append('file', new Blob(file === null ? [] : [file]), file === null ? '' : fileName)
      return f
    }
    const v1 = lawId()
    const v2 = lawId()
    const stored = async (law: string) => (await api.get(`/api/statutes/${law}-a0001`)).status
    const page = async (c: ApiClient) => (await c.get('/staff/statutes', HTML)).body as string

    // signed out: to the sign-in page, back here after; nothing read, nothing written
    const anon = await api.post('/staff/statutes/import', form(file(v1, '2001-01-01', ['第一条'])), HTML)
    expect(anon.status).toBe(303)
    expect(anon.headers.get('location')).toBe(`/staff/login?next=${encodeURIComponent('/staff/statutes')}`)
    // the wrong role: refused in words (the same roles as the JSON route), nothing written
    const operator = await signedIn(server.url, 'operator1')
    const op = await operator.post('/staff/statutes/import', form(file(v1, '2001-01-01', ['第一条'])), HTML)
    expect(op.status).toBe(303)
    expect(op.headers.get('location')).toBe('/staff/statutes')
    expect(await stored(v1)).toBe(404)
    // another site's form: refused before anything is read
    const editor = await signedIn(server.url, 'editor1')
    expect((await editor.post('/staff/statutes/import', form(file(v1, '2001-01-01', ['第一条'])), { ...HTML, origin: 'https://evil.example' })).status).toBe(403)

    // bad files: each comes back to the page as a Chinese message; nothing is written, never a 5xx
    const gbk = new Uint8Array([0xB5, 0xDA, 0xD2, 0xBB, 0xCC, 0xF5, 0x0A]) // 第一条 saved as GBK
    const refusals: Array<[BodyInit | FormData, string]> = [
      [form(gbk), '文件不是 UTF-8 编码的文本'],
      [form('这不是法条文件\n第二行'), '第 1 行格式不正确'],
      [form(`${file(v1, '2001-01-01', ['第一条'])}\n{"id":"x"}`), '第 2 行格式不正确（id）'],
      [form(null), '请选择要导入的法条文件'],
      [form(new Uint8Array(5_000_001).fill(0x20)), '文件过大（最多 5 MB）'], // read, then over the cap
      [form(new Uint8Array(5_200_000).fill(0x20)), '文件过大（最多 5 MB）'], // over the cap by Content-Length: not read
      [form(file(v1, '2001-01-01', ['第一条']), { supersedesLawId: 'nope', note: '无脚本导入' }), '法律编号格式不正确'],
    ]
    for (const [body, message] of refusals) {
      const r = await editor.post('/staff/statutes/import', body, HTML)
      expect(r.status, message).toBe(303)
      expect(r.headers.get('location')).toBe('/staff/statutes')
      expect(await page(editor), message).toContain(message)
      expect(await stored(v1)).toBe(404)
    }
    // a form that is not multipart (a stale page, a script): refused in words
    const plain = await editor.post('/staff/statutes/import', `supersedesLawId=${v1}`, { ...HTML, 'content-type': 'application/x-www-form-urlencoded' })
    expect(plain.status).toBe(303)
    expect(await page(editor)).toContain('请通过页面上的导入表单')
    // the typed fields come back after a refusal of a field (the file must be chosen again)
    await editor.post('/staff/statutes/import', form(file(v1, '2001-01-01', ['第一条']), { supersedesLawId: 'nope', note: '无脚本导入说明' }), HTML)
    const again = await page(editor)
    expect(again).toContain('value="nope"')
    expect(again).toContain('无脚本导入说明')

    // good files: the first version, then the next superseding it — the same service as the JSON route
    const first = await editor.post('/staff/statutes/import', form(file(v1, '2001-01-01', ['第一条', '第二条'])), HTML)
    expect(first.status).toBe(303)
    expect(first.headers.get('location')).toBe('/staff/statutes')
    expect(await page(editor)).toContain(`已导入《测试条例${v1}》2 条。`)
    expect(await stored(v1)).toBe(200)
    const bom = new Uint8Array([0xEF, 0xBB, 0xBF, ...new TextEncoder().encode(file(v2, '2030-01-01', ['第一条', '第二条', '第三条']))])
    const second = await editor.post('/staff/statutes/import', form(bom, { supersedesLawId: v1, effectiveDate: '2030-01-01', note: '无脚本修订。', renumbered: 'on' }), HTML)
    expect(second.status).toBe(303)
    expect(await page(editor)).toContain(`已导入《测试条例${v2}》3 条；旧版本《测试条例${v1}》已标记为被取代。`)
    const old = await api.get(`/api/statutes/${v1}-a0001`)
    expect(old.body.statute.inForce).toBe(false)
    expect(old.body.status).toMatchObject({ kind: 'superseded', since: '2030-01-01', source: 'editorial' })
    expect((await api.get(`/api/statutes/${v2}-a0003`)).body.statute.inForce).toBe(true)

    // audited as the JSON route audits: law.import_version by the editor, and the mark of the old law
    const admin = await signedIn(server.url, 'admin')
    const audit = await admin.get('/api/staff/admin/audit?action=law.import_version&limit=50')
    expect(audit.body.items.filter((r: { objectId: string }) => r.objectId === v1 || r.objectId === v2)).toHaveLength(2)
    const marks = await admin.get('/api/staff/admin/audit?action=law.mark_status&limit=50')
    expect(marks.body.items.some((r: { objectId: string }) => r.objectId === v1)).toBe(true)
  })

  it('lists the seeded record: the 2012 治安管理处罚法 superseded since 2026-01-01', async () => {
    expect((await api.get('/api/staff/statutes/status')).status).toBe(401)
    const editor = await signedIn(server.url, 'editor1')
    const r = await editor.get('/api/staff/statutes/status')
    expect(r.status).toBe(200)
    expect(r.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ lawId: 'Ldcf3ee39da', status: 'superseded', effectiveDate: '2026-01-01', source: 'seed' })]))
  })
})
