import { randomBytes, randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applicationDocuments, auditLog, legalAidApplications } from '~~/server/db/schema'
import { personalDataCrypto } from '~~/server/domain/crypto/aead'
import * as docs from '~~/server/domain/documents/service'
import { DomainError } from '~~/server/domain/errors'
import { insertApplication } from '~~/server/repositories/legal-aid'
import { insertStaffIfAbsent } from '~~/server/repositories/staff'
import { MAX_DOCUMENTS } from '#shared/domain/applications/documents'
import { drivers, freshDb, type TestDb } from '../../../helpers/db'
import { exeFile, jpegFile, pdfFile, pngFile } from '../../../../helpers/document-files'

const crypto = personalDataCrypto(randomBytes(32))
const PHONE = '13912345678'
let seq = 0

/** An application row as submitApplication leaves it (only what the documents need is real). */
async function application(db: TestDb['db'], status = 'submitted') {
  const id = randomUUID()
  seq += 1
  const reference = `FY-2026-${String(900000 + seq)}`
  const enc = (v: string, f: string) => crypto.cipher.encrypt(v, `legal_aid_applications:${id}:${f}`)
  await insertApplication(db, {
    id, seq: 900000 + seq, reference, status, receivedDate: '2026-12-01', screeningOutcome: 'eligible', meansTest: 'pass', ruleVersion: 't',
    nameMasked: '马*', idNumberEnc: enc('x', 'id_number'), idNumberHash: 'h', phoneEnc: enc(PHONE, 'phone'),
    phoneHash: crypto.lookup(PHONE, 'phone'), personalEnc: enc('{}', 'personal'), decisionDue: '2026-12-08',
  })
  return { id, reference }
}

function codeOf(e: unknown) {
  return e instanceof DomainError ? e.code : e
}

describe.each(drivers())('application documents on %s', (driver) => {
  let t: TestDb
  let deps: docs.DocumentsDeps
  let reviewer: { id: string, role: 'reviewer' }
  const justice = { id: randomUUID(), role: 'justice_bureau' as const }

  beforeAll(async () => {
    t = await freshDb(driver)
    deps = { db: t.db, crypto, now: () => new Date('2026-12-02T02:00:00Z'), ipHash: 'ip-test' }
    const u = await insertStaffIfAbsent(t.db, { username: 'reviewer.docs', role: 'reviewer', displayName: '', passwordHash: 'x' })
    reviewer = { id: u!.id, role: 'reviewer' }
  })
  afterAll(async () => { await t?.drop() })

  it('stores the file encrypted (ciphertext ≠ plaintext), and a reviewer opens it back byte for byte, audited per view', async () => {
    const app = await application(t.db)
    const file = pdfFile()
    const up = await docs.uploadDocument(deps, { owner: { applicationId: app.id }, kind: 'identity', bytes: file, fileName: '马建国身份证.PDF' })
    expect(up).toMatchObject({ seq: 1, kind: 'identity', name: '马建国身份证.pdf', mimeType: 'application/pdf', sizeBytes: file.length })

    const [raw] = await t.db.select().from(applicationDocuments).where(eq(applicationDocuments.applicationId, app.id))
    expect(raw!.content.equals(file)).toBe(false)
    expect(raw!.content.includes(Buffer.from('%PDF'))).toBe(false)
    expect(raw!.content.includes(Buffer.from('/Catalog'))).toBe(false)
    expect(raw!.nameEnc).toMatch(/^enc:v1:/)
    expect(raw!.nameEnc).not.toContain('马建国')

    const list = await docs.listApplicationDocuments(deps, { applicationId: app.id }, reviewer)
    expect(list).toEqual([expect.objectContaining({ id: raw!.id, name: '马建国身份证.pdf', kind: 'identity' })])
    for (let i = 0; i < 2; i++) {
      const opened = await docs.openApplicationDocument(deps, { applicationId: app.id, documentId: raw!.id }, reviewer)
      expect(opened.bytes.equals(file)).toBe(true)
      expect(opened.mimeType).toBe('application/pdf')
      expect(opened.fileName).toBe(`${app.reference}-1.pdf`)
    }
    const views = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'application.document_view'), eq(auditLog.objectId, raw!.id)))
    expect(views).toHaveLength(2)
    for (const v of views) {
      expect(v.actorId).toBe(reviewer.id)
      expect(v.detail).toEqual({ applicationId: app.id, kind: 'identity' })
      expect(JSON.stringify(v)).not.toContain('马建国')
    }
    const uploads = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'application.document_upload'), eq(auditLog.objectId, raw!.id)))
    expect(uploads).toHaveLength(1)
    expect(JSON.stringify(uploads[0])).not.toContain('马建国')
    const listed = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'application.document_list'), eq(auditLog.objectId, app.id)))
    expect(listed).toHaveLength(1)
  })

  it('binds each file to its application and document: a file copied to another row does not open', async () => {
    const app = await application(t.db)
    const a = await docs.uploadDocument(deps, { owner: { applicationId: app.id }, kind: 'case', bytes: pngFile() })
    const b = await docs.uploadDocument(deps, { owner: { applicationId: app.id }, kind: 'case', bytes: jpegFile() })
    expect([a.seq, b.seq]).toEqual([1, 2])
    const rows = await t.db.select().from(applicationDocuments).where(eq(applicationDocuments.applicationId, app.id)).orderBy(applicationDocuments.seq)
    await t.db.update(applicationDocuments).set({ content: rows[0]!.content, mimeType: 'image/png' }).where(eq(applicationDocuments.id, rows[1]!.id))
    await expect(docs.openApplicationDocument(deps, { applicationId: app.id, documentId: rows[1]!.id }, reviewer)).rejects.toThrow()
    // …and a document id under another application is not found
    const other = await application(t.db)
    await expect(docs.openApplicationDocument(deps, { applicationId: other.id, documentId: rows[0]!.id }, reviewer)).rejects.toMatchObject({ code: 'DOCUMENT_NOT_FOUND' })
  })

  it('proves the applicant by reference + phone; a wrong phone is not found', async () => {
    const app = await application(t.db)
    const up = await docs.uploadDocument(deps, { owner: { reference: app.reference, phone: PHONE }, kind: 'hardship', bytes: jpegFile() })
    expect(up.kind).toBe('hardship')
    const err = await docs.uploadDocument(deps, { owner: { reference: app.reference, phone: '13900000000' }, kind: 'hardship', bytes: jpegFile() }).catch(codeOf)
    expect(err).toBe('APPLICATION_NOT_FOUND')
    // the reference sealed in the draft cookie of the browser that sent it (no phone needed)
    await docs.uploadDocument(deps, { owner: { sealedReference: app.reference }, kind: 'case', bytes: pdfFile() })
    expect(await docs.uploadDocument(deps, { owner: { sealedReference: 'FY-2026-NOPE' }, kind: 'case', bytes: pdfFile() }).catch(codeOf)).toBe('APPLICATION_NOT_FOUND')
    const view = await docs.viewOwnDocuments(deps, { owner: { applicationId: app.id } })
    expect(view).toMatchObject({ open: true, remainingCount: MAX_DOCUMENTS - 2 })
    expect(view.documents.map(d => d.kind)).toEqual(['hardship', 'case'])
  })

  it('refuses by content, by count, and once the application is decided', async () => {
    const app = await application(t.db)
    expect(await docs.uploadDocument(deps, { owner: { applicationId: app.id }, kind: 'case', bytes: exeFile(), fileName: 'photo.jpg' }).catch(codeOf)).toBe('DOCUMENT_TYPE_REFUSED')
    for (let i = 0; i < MAX_DOCUMENTS; i++) await docs.uploadDocument(deps, { owner: { applicationId: app.id }, kind: 'case', bytes: pngFile() })
    expect(await docs.uploadDocument(deps, { owner: { applicationId: app.id }, kind: 'case', bytes: pngFile() }).catch(codeOf)).toBe('DOCUMENTS_TOO_MANY')

    const decided = await application(t.db, 'granted')
    expect(await docs.uploadDocument(deps, { owner: { applicationId: decided.id }, kind: 'case', bytes: pngFile() }).catch(codeOf)).toBe('DOCUMENT_UPLOAD_CLOSED')
    expect((await docs.viewOwnDocuments(deps, { owner: { applicationId: decided.id } })).open).toBe(false)
  })

  it('uploads to one application queue up: ten racing uploads, ten rows, numbers 1..10', async () => {
    const app = await application(t.db)
    const results = await Promise.allSettled(Array.from({ length: MAX_DOCUMENTS + 2 }, () =>
      docs.uploadDocument(deps, { owner: { applicationId: app.id }, kind: 'case', bytes: pngFile() })))
    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(MAX_DOCUMENTS)
    const [n] = await t.db.select({ n: sql<number>`count(*)::int`, max: sql<number>`max(seq)` }).from(applicationDocuments).where(eq(applicationDocuments.applicationId, app.id))
    expect(n).toEqual({ n: MAX_DOCUMENTS, max: MAX_DOCUMENTS })
  })

  it('the 司法行政部门 sees documents only of applications with an objection', async () => {
    const app = await application(t.db)
    await docs.uploadDocument(deps, { owner: { applicationId: app.id }, kind: 'case', bytes: pngFile() })
    expect(await docs.listApplicationDocuments(deps, { applicationId: app.id }, justice).catch(codeOf)).toBe('APPLICATION_NOT_FOUND')
  })

  it('documents go with their application (ON DELETE CASCADE)', async () => {
    const app = await application(t.db)
    await docs.uploadDocument(deps, { owner: { applicationId: app.id }, kind: 'case', bytes: pngFile() })
    await docs.uploadDocument(deps, { owner: { applicationId: app.id }, kind: 'identity', bytes: jpegFile() })
    const count = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(applicationDocuments).where(eq(applicationDocuments.applicationId, app.id)))[0]!.n
    expect(await count()).toBe(2)
    await t.db.delete(legalAidApplications).where(eq(legalAidApplications.id, app.id))
    expect(await count()).toBe(0)
  })

  it('the database refuses a clear-text file or name, and an unknown type', async () => {
    const app = await application(t.db)
    const base = { applicationId: app.id, seq: 1, kind: 'case', mimeType: 'image/png', sizeBytes: 10, nameEnc: crypto.cipher.encrypt('n', 'x'), content: crypto.cipher.encryptBytes(pngFile(), 'x') }
    await expect(t.db.insert(applicationDocuments).values({ ...base, content: pngFile() })).rejects.toThrow()
    await expect(t.db.insert(applicationDocuments).values({ ...base, nameEnc: 'a.png' })).rejects.toThrow()
    await expect(t.db.insert(applicationDocuments).values({ ...base, mimeType: 'text/html' })).rejects.toThrow()
  })
})
