// From the call, in one place (issue 10): the operator screens the caller with the public
// questionnaire's engine and starts a legal-aid application with the answers carried over; both are
// recorded, linked on the call and audited, through the eligibility and legal-aid services.
import { randomBytes } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '~~/server/app-context'
import { auditLog, hotlineCallScreenings, legalAidApplications } from '~~/server/db/schema'
import { personalDataCrypto } from '~~/server/domain/crypto/aead'
import { createConfigSource } from '~~/server/domain/eligibility/config-source'
import * as svc from '~~/server/domain/hotline/service'
import { applicationStatus } from '~~/server/domain/legal-aid/service'
import type { ActorRef } from '~~/server/domain/platform/actor'
import { insertStaffIfAbsent } from '~~/server/repositories/staff'
import { seedEligibility } from '~~/server/seed/eligibility'
import { screen } from '#shared/domain/eligibility'
import { withCheckChar } from '#shared/domain/applications/id-number'
import { applyFromCallBody, logCallBody, screenForCallBody } from '#shared/schemas/hotline'
import { drivers, freshDb, type TestDb } from '../../../helpers/db'

const key = randomBytes(32)
const ID = withCheckChar('64010419800101123')
const codeOf = async (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string, name?: string }) => e.code ?? e.name ?? String(e))

describe.each(drivers())('screening and application from the call on %s', (driver) => {
  let t: TestDb
  let deps: svc.HotlineFromCallDeps
  let op: ActorRef
  let op2: ActorRef
  const phone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
  const audits = (action: string, objectId?: string) => t.db.select().from(auditLog).where(objectId ? and(eq(auditLog.action, action), eq(auditLog.objectId, objectId)) : eq(auditLog.action, action))
  const logWage = (p: string | undefined, extra: Record<string, unknown> = {}) => svc.logCall(deps, logCallBody.parse({
    topic: '劳动争议', summary: '在工地干了三个月，包工头拖欠工资两万元，想申请法律援助。', outcome: 'legal_aid_screening', callerGroups: ['migrant_worker'], ...(p ? { callerPhone: p } : {}), ...extra,
  }), op)
  const form = (extra: Record<string, unknown> = {}) => applyFromCallBody.parse({
    name: '马建国', idNumber: ID, address: '银川市兴庆区某街道 1 号', matterSummary: '包工头拖欠工资两万元，多次讨要未果。', consentProcessing: true, ...extra,
  })

  beforeAll(async () => {
    t = await freshDb(driver)
    await seedEligibility.run({ db: t.db } as unknown as AppContext, () => {})
    const source = createConfigSource(t.db)
    deps = { db: t.db, crypto: personalDataCrypto(key), now: () => new Date(), screeningConfig: n => source.get(n) }
    const mk = async (username: string) => ({ id: (await insertStaffIfAbsent(t.db, { username, role: 'operator', displayName: username, passwordHash: 'x' }))!.id, role: 'operator' as const })
    op = await mk('op.fc')
    op2 = await mk('op2.fc')
  })
  afterAll(async () => { await t?.drop() })

  it('prefills the screening from the call, records it encrypted, links and audits it; same answer as the public engine', async () => {
    const p = phone()
    const call = await logWage(p)
    const before = await svc.callCarryOver(deps, { callId: call.id }, op)
    expect(before.screening).toBeNull()
    expect(before.screeningPrefill).toEqual({ proceeding: 'civil', matter: 'labor_remuneration', applicantRelation: 'self', person: { statuses: ['migrant_worker'] } })
    expect(before.matterSummary).toBe('在工地干了三个月，包工头拖欠工资两万元，想申请法律援助。')

    const answers = screenForCallBody.parse({ ...before.screeningPrefill, household: { county: 'xingqing', residence: 'urban' } })
    const out = await svc.screenForCall(deps, { ...answers, callId: call.id }, op)
    const expected = screen(answers, await deps.screeningConfig(new Date()))
    expect(out.result.outcome).toBe(expected.outcome)
    expect(out.result.ruleVersion).toBe(expected.ruleVersion)
    expect(out.result.outcome).toBe('eligible') // 第四十二条第（三）项: 农民工讨薪, no means test
    expect(out.screening.reference).toMatch(/^SC-\d{4}-[2-9A-HJ-NP-Z]{6}$/)
    expect(out.call.links.map(l => `${l.kind}:${l.reference}`)).toEqual([`screening:${out.screening.reference}`])

    const [row] = await t.db.select().from(hotlineCallScreenings).where(eq(hotlineCallScreenings.callId, call.id))
    expect(row!.answersEnc.startsWith('enc:')).toBe(true)
    expect(row!.answersEnc).not.toContain('labor_remuneration')
    expect(row!.createdBy).toBe(op.id)
    expect((await audits('hotline_call.screen', call.id))[0]).toMatchObject({ actorId: op.id })
    expect((await audits('hotline_call.link', call.id)).map(a => (a.detail as { kind: string }).kind)).toEqual(['screening'])

    const after = await svc.callCarryOver(deps, { callId: call.id }, op)
    expect(after.screening).toMatchObject({ reference: out.screening.reference, outcome: 'eligible', answers })
    expect(after.screeningPrefill).toEqual(answers)
    expect((await audits('hotline_call.read', call.id)).length).toBe(2)
  })

  it('starts the application with the call\'s phone and the screening\'s answers: submitted through the legal-aid service by the operator, linked', async () => {
    const p = phone()
    const call = await logWage(p)
    expect(await codeOf(svc.applyForCall(deps, { ...form(), callId: call.id }, op))).toBe('SCREENING_REQUIRED')
    const answers = screenForCallBody.parse({ proceeding: 'civil', matter: 'labor_remuneration', person: { statuses: ['migrant_worker'] }, household: { county: 'helan', residence: 'rural' } })
    const s = await svc.screenForCall(deps, { ...answers, callId: call.id }, op)
    expect(await codeOf(svc.applyForCall(deps, { ...form({ screeningReference: 'SC-2026-ZZZZZZ' }), callId: call.id }, op))).toBe('SCREENING_NOT_FOUND')

    const out = await svc.applyForCall(deps, { ...form(), callId: call.id }, op)
    expect(out.application.reference).toMatch(/^YCFY-\d{4}-\d{6}-[0-9A-Z]{5}$/)
    expect(out.application.screening.outcome).toBe('eligible')
    expect(out.call.links.map(l => `${l.kind}:${l.reference}`)).toEqual([`screening:${s.screening.reference}`, `application:${out.application.reference}`])

    // The phone given on the call is the application's: the caller can look it up with it.
    const status = await applicationStatus({ ...deps, ipHash: 'ip-test' }, { reference: out.application.reference, phone: p })
    expect(status.reference).toBe(out.application.reference)
    const [app] = await t.db.select().from(legalAidApplications).where(eq(legalAidApplications.reference, out.application.reference))
    expect(app).toMatchObject({ matter: 'labor_remuneration', screeningOutcome: 'eligible' })
    const submitted = await audits('application.submit', app!.id)
    expect(submitted).toHaveLength(1)
    expect(submitted[0]!.actorId).toBe(op.id)
    expect((await audits('hotline_call.apply', call.id))[0]).toMatchObject({ actorId: op.id })
    expect((await audits('hotline_call.link', call.id)).map(a => (a.detail as { kind: string }).kind).sort()).toEqual(['application', 'screening'])

    // The caller rings again: the operator links the application by the reference they read out (关联).
    const followUp = await logWage(p)
    const ref = out.application.reference
    expect(await codeOf(svc.linkCall(deps, { kind: 'booking', reference: ref, id: followUp.id }, op))).toBe('LINK_KIND_MISMATCH')
    await svc.linkCall(deps, { kind: 'application', reference: ref, id: followUp.id }, op2)
    expect((await svc.openCall(deps, { id: followUp.id }, op)).links.map(l => `${l.kind}:${l.reference}`)).toEqual([`application:${ref}`])
    expect((await audits('hotline_call.link', followUp.id)).map(a => [a.actorId, a.detail])).toEqual([[op2.id, { kind: 'application', reference: ref }]])
  })

  it('refuses what the call cannot carry: an anonymous call, missing consent to sensitive answers', async () => {
    const anon = await logWage(undefined)
    await svc.screenForCall(deps, { ...screenForCallBody.parse({ matter: 'labor_remuneration' }), callId: anon.id }, op)
    expect(await codeOf(svc.applyForCall(deps, { ...form(), callId: anon.id }, op))).toBe('CALLER_PHONE_MISSING')

    const call = await logWage(phone())
    await svc.screenForCall(deps, { ...screenForCallBody.parse({ matter: 'labor_remuneration', household: { size: 2, monthlyIncome: 1500, county: 'jinfeng', residence: 'urban' } }), callId: call.id }, op)
    // Income is sensitive (个人信息保护法第二十八条): the public schema asks for the separate consent.
    expect(await codeOf(svc.applyForCall(deps, { ...form(), callId: call.id }, op))).toBe('ZodError')
    const ok = await svc.applyForCall(deps, { ...form({ consentSensitive: true }), callId: call.id }, op)
    expect(ok.application.reference).toMatch(/^YCFY-/)
    expect(applyFromCallBody.safeParse({ name: '马建国', idNumber: ID, address: '银川市', matterSummary: '拖欠工资两万元。', consentProcessing: false }).success).toBe(false)
  })

  it('家庭暴力 calls: only the operator handling the call may screen, read the carry-over or apply', async () => {
    const call = await svc.logCall(deps, logCallBody.parse({ topic: '家庭暴力', summary: '丈夫长期殴打，想离婚并申请保护令。', outcome: 'legal_aid_screening', callerPhone: phone(), safeToCallBack: false }), op)
    const carried = await svc.callCarryOver(deps, { callId: call.id }, op)
    expect(carried.screeningPrefill).toMatchObject({ matter: 'abuse_or_domestic_violence' })
    expect(await codeOf(svc.callCarryOver(deps, { callId: call.id }, op2))).toBe('CALL_RESTRICTED')
    expect(await codeOf(svc.screenForCall(deps, { ...screenForCallBody.parse({ matter: 'abuse_or_domestic_violence' }), callId: call.id }, op2))).toBe('CALL_RESTRICTED')
    expect(await codeOf(svc.applyForCall(deps, { ...form({ consentSensitive: true }), callId: call.id }, op2))).toBe('CALL_RESTRICTED')
    expect((await audits('hotline_call.screen', call.id))).toHaveLength(0)
    const s = await svc.screenForCall(deps, { ...screenForCallBody.parse({ matter: 'abuse_or_domestic_violence', household: { county: 'xixia' } }), callId: call.id }, op)
    expect(s.result.outcome).toBe('eligible') // 第三十二条第（四）项: no means test
    expect(s.result.meansTest).toBe('not_required')
  })
})
