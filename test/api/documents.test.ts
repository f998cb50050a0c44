// Documents applicants attach to their legal-aid application (issue 14): multipart upload from the
// page (JSON answer) and as a plain form (303), refusals as 4xx with a Chinese message (never 5xx),
// the type decided by content, and reviewers listing and opening them, each view audited.
import { describe, expect, it } from 'vitest'
import { withCheckChar } from '../../shared/domain/applications/id-number'
import { exeFile, htmlFile, jpegFile, pdfFile, pngFile } from '../helpers/document-files'
import { ApiClient, servers, signedIn } from './helpers/client'

const UPLOAD = '/forms/legal-aid/documents'
const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'accept': 'text/html' }
let n = 0
const phone = () => `136${String(10_000_000 + ((Date.now() + ++n * 7919) % 89_999_999)).padStart(8, '0')}`

/** A multipart upload with the client's cookies (what a browser's form or FormData sends). */
async function upload(c: ApiClient, query: string, fields: Record<string, string>, file?: { bytes: Buffer, name: string, type?: string }, json = true) {
  const fd = new FormData()
  for (const [k, v] of Object.entries(fields)) fd.append(k, v)
  if (file) fd.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'image/jpeg' }), file.name)
  const headers: Record<string, string> = { accept: json ? 'application/json' : 'text/html', origin: c.base }
  if (c.cookies.size) headers.cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  const r = await fetch(`${c.base}${UPLOAD}${query}`, { method: 'POST', body: fd, headers, redirect: 'manual' })
  for (const sc of r.headers.getSetCookie()) {
    const [pair] = sc.split(';')
    const i = pair!.indexOf('=')
    if (/max-age=0/i.test(sc) || pair!.slice(i + 1) === '') c.cookies.delete(pair!.slice(0, i))
    else c.cookies.set(pair!.slice(0, i), pair!.slice(i + 1))
  }
  const text = await r.text()
  let body: any = text
  try { body = JSON.parse(text) } catch { /* not JSON */ }
  return { status: r.status, body, headers: r.headers }
}

describe.each(servers())('application documents on $name', (server) => {
  /** An application sent by the JSON API, and a client whose draft cookie holds its status proof. */
  async function applied() {
    const p = phone()
    const a = { name: '马秀兰', idNumber: withCheckChar(`6401041990030${n % 9}12${n % 10}`), phone: p, address: '银川市金凤区某小区' }
    const anon = new ApiClient(server.url)
    const r = await anon.post('/api/legal-aid/applications', {
      applicant: a, matterSummary: '公司拖欠三个月工资，想申请法律援助讨要工资。', screening: { matter: 'labor_remuneration', person: { statuses: ['migrant_worker'] } }, consent: { processing: true, sensitive: false },
    })
    expect(r.status, JSON.stringify(r.body)).toBe(201)
    const looked = await anon.post('/forms/legal-aid/status', new URLSearchParams({ action: 'lookup', reference: r.body.reference, phone: p }).toString(), FORM)
    expect(looked.status).toBe(303)
    return { client: anon, reference: r.body.reference as string, phone: p }
  }

  it('the applicant uploads a photo and a PDF; refusals are 4xx with a Chinese message, never 5xx', async () => {
    const { client, reference } = await applied()
    const png = await upload(client, '?from=status', { kind: 'identity' }, { bytes: pngFile(), name: '身份证\u202Egnp.exe', type: 'application/x-msdownload' })
    expect(png.status, JSON.stringify(png.body)).toBe(201)
    expect(png.body.document).toMatchObject({ seq: 1, kind: 'identity', mimeType: 'image/png', name: '身份证gnp.png' })
    const pdf = await upload(client, '?from=status', { kind: 'case' }, { bytes: pdfFile(), name: '判决书.pdf', type: 'application/pdf' })
    expect(pdf.status).toBe(201)

    const refusals: Array<[string, Record<string, string>, Parameters<typeof upload>[3], number, string]> = [
      ['an executable renamed .jpg', { kind: 'case' }, { bytes: exeFile(), name: 'photo.jpg', type: 'image/jpeg' }, 415, 'DOCUMENT_TYPE_REFUSED'],
      ['an HTML page renamed .jpg', { kind: 'case' }, { bytes: htmlFile(), name: 'photo.jpg', type: 'image/jpeg' }, 415, 'DOCUMENT_TYPE_REFUSED'],
      ['no file chosen', { kind: 'case' }, { bytes: Buffer.alloc(0), name: '' }, 422, 'DOCUMENT_EMPTY'],
      ['no kind', {}, { bytes: jpegFile(), name: 'a.jpg' }, 422, 'DOCUMENT_KIND_INVALID'],
      ['a kind with NUL', { kind: 'case\u0000' }, { bytes: jpegFile(), name: 'a\u0000.jpg' }, 422, 'DOCUMENT_KIND_INVALID'],
      ['a file over 5 MB', { kind: 'case' }, { bytes: jpegFile(5 * 1024 * 1024 + 1), name: 'big.jpg' }, 413, 'DOCUMENT_TOO_LARGE'],
      ['a body far over the limit', { kind: 'case' }, { bytes: jpegFile(7 * 1024 * 1024), name: 'huge.jpg' }, 413, 'DOCUMENT_TOO_LARGE'],
    ]
    for (const [what, fields, file, status, code] of refusals) {
      const r = await upload(client, '?from=status', fields, file)
      expect(r.status, what).toBe(status)
      expect(r.body.data?.code, what).toBe(code)
      expect(r.body.data?.message, what).toMatch(/[\u4e00-\u9fff]/)
    }
    // not multipart at all
    const urlencoded = await client.post(`${UPLOAD}?from=status`, 'kind=case', { 'content-type': 'application/x-www-form-urlencoded' })
    expect(urlencoded.status).toBe(400)
    expect(urlencoded.body.data.code).toBe('DOCUMENT_FORM_INVALID')

    const view = await client.get('/api/legal-aid/documents?from=status')
    expect(view.status).toBe(200)
    expect(view.headers.get('cache-control')).toContain('no-store')
    expect(view.body).toMatchObject({ available: true, open: true, remainingCount: 8 })
    expect(view.body.documents.map((d: { kind: string }) => d.kind)).toEqual(['identity', 'case'])
    expect(JSON.stringify(view.body)).not.toContain(reference) // the list carries no reference, no id
  })

  it('without JavaScript: 303 back to the page, which shows the result or the refusal once', async () => {
    const { client } = await applied()
    const ok = await upload(client, '?from=status', { kind: 'hardship' }, { bytes: jpegFile(), name: '承诺书.jpg' }, false)
    expect(ok.status).toBe(303)
    expect(ok.headers.get('location')).toBe('/legal-aid/status')
    expect((await client.get('/api/legal-aid/documents?from=status')).body).toMatchObject({ done: expect.stringContaining('第 1 个文件'), documents: [{ kind: 'hardship' }] })
    const bad = await upload(client, '?from=status', { kind: 'hardship' }, { bytes: exeFile(), name: 'a.jpg' }, false)
    expect(bad.status).toBe(303)
    const shown = (await client.get('/api/legal-aid/documents?from=status')).body
    expect(shown.error).toContain('JPG、PNG')
    expect(shown.documents).toHaveLength(1)
  })

  it('nobody uploads without proving the application; a cross-site form is refused', async () => {
    const stranger = new ApiClient(server.url)
    const r = await upload(stranger, '?from=status', { kind: 'case' }, { bytes: pngFile(), name: 'a.png' })
    expect(r.status).toBe(403)
    expect(r.body.data.code).toBe('DOCUMENT_OWNER_UNKNOWN')
    expect((await upload(stranger, '?from=apply', { kind: 'case' }, { bytes: pngFile(), name: 'a.png' })).status).toBe(403)
    expect((await stranger.get('/api/legal-aid/documents?from=apply')).body).toEqual({ available: false })
    const { client } = await applied()
    const fd = new FormData()
    fd.append('kind', 'case')
    fd.append('file', new Blob([new Uint8Array(pngFile())]), 'a.png')
    const cross = await fetch(`${server.url}${UPLOAD}?from=status`, { method: 'POST', body: fd, headers: { origin: 'https://evil.example', cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }, redirect: 'manual' })
    expect(cross.status).toBe(403)
  })

  it('reviewers list and open the documents (each view audited); the public and other roles cannot', async () => {
    const { client, reference } = await applied()
    const file = pdfFile()
    expect((await upload(client, '?from=status', { kind: 'case' }, { bytes: file, name: '欠条.pdf' })).status).toBe(201)
    expect((await upload(client, '?from=status', { kind: 'identity' }, { bytes: pngFile(), name: '身份证.png' })).status).toBe(201)

    const reviewer = await signedIn(server.url, 'reviewer1')
    const queue = (await reviewer.get('/api/staff/legal-aid/applications?scope=all')).body as Array<{ id: string, reference: string }>
    const id = queue.find(a => a.reference === reference)!.id
    const base = `/api/staff/legal-aid/applications/${id}/documents`

    expect((await new ApiClient(server.url).get(base)).status).toBe(401)
    expect((await (await signedIn(server.url, 'operator1')).get(base)).status).toBe(403)
    expect((await (await signedIn(server.url, 'editor1')).get(base)).status).toBe(403)

    const list = await reviewer.get(base)
    expect(list.status).toBe(200)
    expect(list.body.map((d: { name: string }) => d.name)).toEqual(['欠条.pdf', '身份证.png'])
    const [pdfDoc, pngDoc] = list.body as Array<{ id: string }>

    expect((await new ApiClient(server.url).get(`${base}/${pdfDoc!.id}`)).status).toBe(401)
    expect((await (await signedIn(server.url, 'operator1')).get(`${base}/${pdfDoc!.id}`)).status).toBe(403)

    const res = await fetch(`${server.url}${base}/${pdfDoc!.id}`, { headers: { cookie: [...reviewer.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } })
    expect(res.status).toBe(200)
    expect(Buffer.from(await res.arrayBuffer()).equals(file)).toBe(true)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${reference}-1.pdf"`)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    // a PDF is never inline; a photo may be
    const pdfInline = await fetch(`${server.url}${base}/${pdfDoc!.id}?disposition=inline`, { headers: { cookie: [...reviewer.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } })
    expect(pdfInline.headers.get('content-disposition')).toMatch(/^attachment/)
    const photo = await fetch(`${server.url}${base}/${pngDoc!.id}?disposition=inline`, { headers: { cookie: [...reviewer.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } })
    expect(photo.headers.get('content-disposition')).toMatch(/^inline/)
    expect(photo.headers.get('content-type')).toBe('image/png')

    expect((await reviewer.get(`${base}/00000000-0000-4000-8000-000000000000`)).status).toBe(404)
    expect((await reviewer.get(`${base}/not-a-uuid`)).status).toBe(400)

    const admin = await signedIn(server.url, 'admin')
    const audit = await admin.get('/api/staff/admin/audit?action=application.document_view&limit=100')
    const views = (audit.body.items as Array<{ objectId: string, objectType: string }>).filter(e => e.objectId === pdfDoc!.id)
    expect(views).toHaveLength(2)
    expect(views[0]!.objectType).toBe('application_document')
    expect(JSON.stringify(audit.body)).not.toContain('欠条')
  })
})
