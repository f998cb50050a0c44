import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type DbHandle } from '~~/server/db/client'
import { auditLog, eligibilityRuleSets, hardshipStandards, legalAidApplications } from '~~/server/db/schema'
import { personalDataCrypto } from '~~/server/domain/crypto/aead'
import { createConfigSource } from '~~/server/domain/eligibility/config-source'
import * as svc from '~~/server/domain/legal-aid/service'
import { findApplicationByReference, findApplicationsByIdNumberHash } from '~~/server/repositories/legal-aid'
import { insertStaffIfAbsent } from '~~/server/repositories/staff'
import { seedEligibility } from '~~/server/seed/eligibility'
import type { AppContext } from '~~/server/app-context'
import { withCheckChar } from '#shared/domain/applications/id-number'
import { applyBody } from '#shared/schemas/applications'
import { drivers, freshDb, type TestDb } from '../../helpers/db'
import { personalValuesIn } from '../../../helpers/personal-data'

const ID = withCheckChar('64010419900101123')
const PHONE = '13912345678'
const NAME = '马建国'
const key = randomBytes(32)

function body(extra: Record<string, unknown> = {}) {
  return applyBody.parse({
    applicant: { name: NAME, idNumber: ID, phone: PHONE, address: '银川市兴庆区某街道 1 号' },
    matterSummary: '在工地干了三个月，老板拖欠工资两万元不给。',
    screening: { matter: 'labor_remuneration', person: { statuses: ['migrant_worker'] } },
    consent: { processing: true, sensitive: false },
    ...extra,
  })
}

async function seed(db: DbHandle['db']) {
  await seedEligibility.run({ db } as unknown as AppContext, () => {})
}

function depsFor(db: DbHandle['db'], now = () => new Date(), ipHash = 'ip'): svc.PublicLegalAidDeps {
  const source = createConfigSource(db)
  return { db, crypto: personalDataCrypto(key), now, screeningConfig: n => source.get(n), ipHash }
}

describe.each(drivers())('legal-aid applications on %s', (driver) => {
  let t: TestDb
  let reviewer: { id: string, role: 'reviewer' }
  const audits = (objectId: string, action: string) => t.db.select().from(auditLog).where(and(eq(auditLog.objectId, objectId), eq(auditLog.action, action)))

  beforeAll(async () => {
    t = await freshDb(driver)
    await seed(t.db)
    const u = await insertStaffIfAbsent(t.db, { username: 'reviewer.it', role: 'reviewer', displayName: '', passwordHash: 'x' })
    reviewer = { id: u!.id, role: 'reviewer' }
  })
  afterAll(async () => { await t?.drop() })

  it('seeds standards and rule sets idempotently; the engine config comes from the rows', async () => {
    await seed(t.db)
    const [n] = await t.db.select({ n: sql<number>`count(*)::int` }).from(hardshipStandards)
    expect(n!.n).toBe(24)
    const cfg = await createConfigSource(t.db).get(new Date('2026-06-01T00:00:00Z'))
    expect(cfg.standards).toHaveLength(24)
    expect(cfg.ruleSets.map(r => r.id)).toContain('military_family')
  })

  it('the seed replaces an older SHIPPED rule set version, never one an admin saved', async () => {
    await t.db.update(eligibilityRuleSets).set({ version: '0' }).where(eq(eligibilityRuleSets.id, 'military_family'))
    await t.db.update(eligibilityRuleSets).set({ version: '0', createdBy: reviewer.id }).where(eq(eligibilityRuleSets.id, 'veteran'))
    await seed(t.db)
    const rows = await t.db.select({ id: eligibilityRuleSets.id, version: eligibilityRuleSets.version }).from(eligibilityRuleSets)
    expect(rows.find(r => r.id === 'military_family')?.version).toBe('2')
    expect(rows.find(r => r.id === 'veteran')?.version).toBe('0')
    await t.db.update(eligibilityRuleSets).set({ version: '2', createdBy: null }).where(eq(eligibilityRuleSets.id, 'veteran'))
  })

  it('stores ID number, phone and name encrypted, found through the keyed hash', async () => {
    const deps = depsFor(t.db)
    const created = await svc.submitApplication(deps, body())
    expect(created.reference).toMatch(/^YCFY-\d{4}-\d{6}-[0-9A-Z]{5}$/)
    expect(created.screening.outcome).toBe('eligible')
    expect(created.screening.ruleVersion).toMatch(/^engine-/)
    const raw = await t.db.execute(sql`select * from legal_aid_applications where reference = ${created.reference}`)
    const rows = (raw as unknown as { rows: unknown[] }).rows
    expect(personalValuesIn(rows, [ID, PHONE, NAME, '拖欠工资', '兴庆区某街道'])).toEqual([])
    expect(JSON.stringify(rows)).toContain('马**')
    const found = await findApplicationsByIdNumberHash(t.db, deps.crypto.lookup(ID, 'id_number'))
    expect(found.map(f => f.reference)).toContain(created.reference)
    const submitAudit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'application.submit'))
    expect(personalValuesIn(submitAudit, [PHONE])).toEqual([])
  })

  it('opens with masked values and audits the read in the same transaction', async () => {
    const deps = depsFor(t.db)
    const { reference } = await svc.submitApplication(deps, body())
    const row = await findApplicationByReference(t.db, reference)
    const detail = await svc.openApplication(deps, { id: row!.id }, reviewer)
    expect(detail.applicant.idNumberMasked).toBe(`6401**********${ID.slice(-4)}`)
    expect(detail.applicant.phoneMasked).toBe('139****5678')
    expect(personalValuesIn(detail, [ID])).toEqual([])
    expect(await audits(row!.id, 'application.read')).toHaveLength(1)

    const revealed = await svc.revealField(deps, { id: row!.id, field: 'idNumber', purpose: '核对申请人身份' }, reviewer)
    expect(revealed.value).toBe(ID)
    const [r] = await audits(row!.id, 'application.reveal')
    expect(r).toMatchObject({ purpose: '核对申请人身份', detail: { field: 'idNumber' }, actorId: reviewer.id })

    // A tampered value fails to decrypt: the read fails and leaves no audit row behind.
    await t.db.update(legalAidApplications).set({ personalEnc: row!.personalEnc.slice(0, -4) + 'AAAA' }).where(eq(legalAidApplications.id, row!.id))
    await expect(svc.openApplication(deps, { id: row!.id }, reviewer)).rejects.toThrow()
    expect(await audits(row!.id, 'application.read')).toHaveLength(1)
  })

  it('requests missing materials once; supply resumes the clock; grant and assign', async () => {
    let now = new Date('2026-11-02T02:00:00Z')
    const deps = depsFor(t.db, () => now)
    const { reference, decisionDue } = await svc.submitApplication(deps, body())
    expect(decisionDue).toBe('2026-11-09')
    const id = (await findApplicationByReference(t.db, reference))!.id
    now = new Date('2026-11-04T02:00:00Z')
    const asked = await svc.requestMaterials(deps, { id, version: 1, items: ['劳动关系证明', '欠薪证据'] }, reviewer)
    expect(asked).toMatchObject({ status: 'materials_requested', clockPaused: true })
    await expect(svc.requestMaterials(deps, { id, version: asked.version, items: ['再要一次'] }, reviewer)).rejects.toMatchObject({ code: 'MATERIALS_ALREADY_REQUESTED' })
    now = new Date('2026-11-10T02:00:00Z')
    const supplied = await svc.supplyMaterials(deps, { reference, phone: PHONE, note: '已送到窗口' })
    expect(supplied.deadlines[0]).toMatchObject({ kind: 'decision', due: '2026-11-15' })
    const v = (await findApplicationByReference(t.db, reference))!.version
    await expect(svc.requestMaterials(deps, { id, version: v, items: ['第二次'] }, reviewer)).rejects.toMatchObject({ code: 'MATERIALS_ALREADY_REQUESTED' })
    expect(await audits(id, 'application.request_materials')).toHaveLength(1)

    // Two reviewers decide on the same version: one wins, the other gets a conflict.
    const results = await Promise.allSettled([
      svc.decideApplication(deps, { id, version: v, decision: 'grant', confirmReference: reference }, reviewer),
      svc.decideApplication(deps, { id, version: v, decision: 'refuse', reasons: '不符合经济困难条件，理由如下', confirmReference: reference }, reviewer),
    ])
    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1)
    const rejected = results.find(r => r.status === 'rejected') as PromiseRejectedResult
    expect(['VERSION_CONFLICT', 'INVALID_TRANSITION']).toContain(rejected.reason.code)
    const decided = (results.find(r => r.status === 'fulfilled') as PromiseFulfilledResult<Awaited<ReturnType<typeof svc.decideApplication>>>).value
    const decisions = [...await audits(id, 'application.grant'), ...await audits(id, 'application.refuse')]
    expect(decisions).toHaveLength(1)
    if (decided.status === 'granted') {
      const assigned = await svc.assignApplication(deps, { id, version: decided.version, lawyer: '王律师', firm: '宁夏某律师事务所' }, reviewer)
      expect(assigned.status).toBe('assigned')
    }
  })

  it('counts an application as withdrawn when materials are not supplied in time', async () => {
    let now = new Date('2026-11-02T02:00:00Z')
    const deps = depsFor(t.db, () => now)
    const { reference } = await svc.submitApplication(deps, body())
    const id = (await findApplicationByReference(t.db, reference))!.id
    await svc.requestMaterials(deps, { id, version: 1, items: ['户口簿'] }, reviewer)
    now = new Date('2026-11-30T02:00:00Z')
    const status = await svc.applicationStatus({ ...deps, ipHash: 'ip2' }, { reference, phone: PHONE })
    expect(status.status).toBe('withdrawn')
    expect(await audits(id, 'application.withdraw')).toHaveLength(1)
  })

  it('answers the same for a wrong reference and a wrong phone, and limits failed look-ups', async () => {
    const deps = depsFor(t.db)
    const { reference } = await svc.submitApplication(deps, body())
    const wrongPhone = await svc.applicationStatus({ ...deps, ipHash: 'cmp-ip' }, { reference, phone: '13800000000' }).catch(e => e)
    const wrongRef = await svc.applicationStatus({ ...deps, ipHash: 'cmp-ip' }, { reference: reference.slice(0, -1) + (reference.endsWith('Z') ? 'Y' : 'Z'), phone: PHONE }).catch(e => e)
    expect(wrongPhone.code).toBe('APPLICATION_NOT_FOUND')
    expect(wrongRef.code).toBe('APPLICATION_NOT_FOUND')
    expect(wrongPhone.message).toBe(wrongRef.message)
    for (let i = 0; i < 9; i++) await svc.applicationStatus({ ...deps, ipHash: 'limit-ip' }, { reference, phone: '13800000000' }).catch(() => {})
    await expect(svc.applicationStatus({ ...deps, ipHash: 'limit-ip' }, { reference, phone: PHONE })).rejects.toMatchObject({ code: 'TOO_MANY_LOOKUPS' })
    // the reference itself is limited too, from any address
    await expect(svc.applicationStatus({ ...deps, ipHash: 'other-ip' }, { reference, phone: PHONE })).rejects.toMatchObject({ code: 'TOO_MANY_LOOKUPS' })
  })

  it('the database refuses an unknown status and a refusal without reasons', async () => {
    const deps = depsFor(t.db)
    const { reference } = await svc.submitApplication(deps, body())
    await expect(t.db.update(legalAidApplications).set({ status: 'lost' }).where(eq(legalAidApplications.reference, reference))).rejects.toThrow()
    await expect(t.db.update(legalAidApplications).set({ status: 'refused', refusalReasons: '短' }).where(eq(legalAidApplications.reference, reference))).rejects.toThrow()
  })
})

describe('applications survive a restart (PGlite in a folder)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'la-restart-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reads back and decrypts after close and reopen', async () => {
    const first = await openDb({ pgliteDir: dir })
    await first.migrate()
    await seed(first.db)
    const { reference } = await svc.submitApplication(depsFor(first.db), body())
    await first.close()

    const second = await openDb({ pgliteDir: dir })
    await second.migrate()
    const u = await insertStaffIfAbsent(second.db, { username: 'reviewer.restart', role: 'reviewer', displayName: '', passwordHash: 'x' })
    const row = await findApplicationByReference(second.db, reference)
    const detail = await svc.openApplication(depsFor(second.db), { id: row!.id }, { id: u!.id, role: 'reviewer' })
    expect(detail.applicant.name).toBe(NAME)
    expect(detail.screening.result.outcome).toBe('eligible')
    await second.close()
  })
})
