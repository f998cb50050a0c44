import { randomBytes } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, hotlineCalls, hotlineCallScreenings } from '~~/server/db/schema'
import { personalDataCrypto } from '~~/server/domain/crypto/aead'
import { lookupCaller } from '~~/server/domain/hotline/service'
import * as svc from '~~/server/domain/hotline/service'
import { insertStaffIfAbsent } from '~~/server/repositories/staff'
import { callerLookupBody, callLinkBody, dayRangeQuery, logCallBody, outcomeCodeBody, updateCallBody } from '#shared/schemas/hotline'
import { parseCsv } from '~~/test/helpers/csv'
import { drivers, freshDb, type TestDb } from '../../../helpers/db'
import type { ActorRef } from '~~/server/domain/platform/actor'

const key = randomBytes(32)
const PHONE = '13912345678'
const codeOf = async (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code ?? String(e))

describe.each(drivers())('hotline call log on %s', (driver) => {
  let t: TestDb
  let deps: svc.HotlineDeps
  let op: ActorRef
  let op2: ActorRef
  let admin: ActorRef
  let sup: ActorRef
  const body = (extra: Record<string, unknown> = {}) => logCallBody.parse({ topic: '劳动争议', summary: '工地拖欠工资三个月，询问如何维权。', outcome: 'answered', ...extra })
  const audits = (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action))

  beforeAll(async () => {
    t = await freshDb(driver)
    deps = { db: t.db, crypto: personalDataCrypto(key), now: () => new Date() }
    const mk = async (username: string, role: 'operator' | 'admin' | 'supervisor', displayName: string) => {
      const u = await insertStaffIfAbsent(t.db, { username, role, displayName, passwordHash: 'x' })
      return { id: u!.id, role }
    }
    op = await mk('op.cl', 'operator', '坐席甲')
    op2 = await mk('op2.cl', 'operator', '坐席乙')
    admin = await mk('admin.cl', 'admin', '管理员')
    sup = await mk('sup.cl', 'supervisor', '值班主管')
  })
  afterAll(async () => { await t?.drop() })

  it('keeps outcome codes as data: seeded, admin-editable, unknown or inactive codes refused', async () => {
    const codes = await svc.listOutcomeCodes(deps)
    expect(codes.map(c => c.code)).toEqual(expect.arrayContaining(['answered', 'callback_booked', 'referred_service_point', 'call_dropped']))
    expect(codes.find(c => c.code === 'callback_booked')).toMatchObject({ needsFollowUp: true, closesCall: false, system: true })
    expect(await codeOf(svc.logCall(deps, body({ outcome: 'no_such_code' }), op))).toBe('OUTCOME_UNKNOWN')

    await svc.saveOutcomeCode(deps, outcomeCodeBody.parse({ code: 'sent_leaflet', label: '已寄送宣传资料', needsFollowUp: false, closesCall: true }), admin)
    const call = await svc.logCall(deps, body({ outcome: 'sent_leaflet' }), op)
    expect(call.outcomeLabel).toBe('已寄送宣传资料')
    await svc.saveOutcomeCode(deps, outcomeCodeBody.parse({ code: 'sent_leaflet', label: '已寄资料', needsFollowUp: false, closesCall: true, active: false }), admin)
    expect(await codeOf(svc.logCall(deps, body({ outcome: 'sent_leaflet' }), op))).toBe('OUTCOME_UNKNOWN')
    expect((await svc.openCall(deps, { id: call.id }, op)).outcomeLabel).toBe('已寄资料')
    expect(await codeOf(svc.saveOutcomeCode(deps, outcomeCodeBody.parse({ code: 'answered', label: '已解答', needsFollowUp: false, closesCall: true, active: false }), admin))).toBe('OUTCOME_SYSTEM')
    expect(outcomeCodeBody.safeParse({ code: 'x_y', label: 'a', needsFollowUp: true, closesCall: true }).success).toBe(false)
    expect((await audits('hotline_outcome.create')).length).toBe(1)
    expect((await audits('hotline_outcome.update')).length).toBe(1)
    // The database refuses an outcome that is not a code.
    await expect(t.db.update(hotlineCalls).set({ outcome: 'made_up' }).where(eq(hotlineCalls.id, call.id))).rejects.toThrow()
  })

  it('stores the flags and the legal-aid notice, links what was started during the call', async () => {
    const call = await svc.logCall(deps, body({ callerPhone: PHONE, urgent: true, safeToCallBack: false, discreet: true, interpreter: 'sign_language', elderlyOrDisabled: true, toldOfLegalAidRight: true }), op)
    expect(call).toMatchObject({ urgent: true, safeToCallBack: false, discreet: true, interpreter: 'sign_language', elderlyOrDisabled: true, toldOfLegalAidRight: true, version: 1 })
    // 关联 by a typed reference: it must name a record of the chosen kind, once per call.
    const other = await svc.logCall(deps, body(), op)
    const screened = (reference: string) => t.db.insert(hotlineCallScreenings).values({ callId: other.id, reference, answersEnc: 'enc:x', outcome: 'eligible', ruleVersion: 't', createdBy: op.id })
    await screened('SC-2026-LNK2A3')
    await screened('SC-2026-LNK4B5')
    const link = (kind: string, reference: string) => svc.linkCall(deps, { ...callLinkBody.parse({ kind, reference }), id: call.id }, op)
    expect(await codeOf(link('screening', 'sc-2026-lnk2a3'))).toBe('ok') // typed in lower case: the code as printed
    expect(await codeOf(link('screening', 'SC-2026-LNK2A3'))).toBe('LINK_EXISTS')
    expect(await codeOf(link('application', 'SC-2026-LNK4B5'))).toBe('LINK_KIND_MISMATCH')
    await expect(link('booking', 'SC-2026-LNK4B5')).rejects.toThrow('这个编号是法律援助初筛的编号，不是预约的编号')
    expect(await codeOf(link('application', 'YCFY-2026-000123-ABCDE'))).toBe('LINK_REFERENCE_NOT_FOUND')
    expect(await codeOf(link('booking', 'YY-2026-ABCDEF'))).toBe('LINK_REFERENCE_NOT_FOUND')
    expect(await codeOf(link('screening', 'SC-2026-LNK4B5'))).toBe('ok')
    const open = await svc.openCall(deps, { id: call.id }, op2)
    expect(open.links.map(l => `${l.kind}:${l.reference}`)).toEqual(['screening:SC-2026-LNK2A3', 'screening:SC-2026-LNK4B5'])
    expect((await audits('hotline_call.link')).filter(a => a.objectId === call.id).map(a => a.detail)).toEqual([
      { kind: 'screening', reference: 'SC-2026-LNK2A3' }, { kind: 'screening', reference: 'SC-2026-LNK4B5' },
    ])
    expect(await codeOf(svc.linkCall(deps, { kind: 'screening', reference: 'SC-2026-LNK2A3', id: '7d0c1e2f-3a4b-4c5d-8e6f-0a1b2c3d4e5f' }, op))).toBe('CALL_NOT_FOUND')
  })

  it('an edit of an older version is refused with 409 STALE_EDIT and changes nothing', async () => {
    const call = await svc.logCall(deps, body(), op)
    const edit = (version: number, summary: string) => updateCallBody.parse({ version, topic: '劳动争议', summary, outcome: 'answered', toldOfLegalAidRight: true })
    const v2 = await svc.updateCall(deps, { ...edit(1, '第一位坐席的修改。'), id: call.id }, op)
    expect(v2).toMatchObject({ version: 2, summary: '第一位坐席的修改。', toldOfLegalAidRight: true })
    const stale = svc.updateCall(deps, { ...edit(1, '第二位坐席基于旧版本的修改。'), id: call.id }, op2)
    await expect(stale).rejects.toMatchObject({ code: 'STALE_EDIT', kind: 'conflict', details: { currentVersion: 2 } })
    await expect(stale).rejects.toThrow(/已被其他人修改/)
    expect((await svc.openCall(deps, { id: call.id }, op)).summary).toBe('第一位坐席的修改。')
    // Two edits of the same version at once: exactly one wins.
    const both = await Promise.allSettled([svc.updateCall(deps, { ...edit(2, '甲'), id: call.id }, op), svc.updateCall(deps, { ...edit(2, '乙'), id: call.id }, op2)])
    expect(both.filter(r => r.status === 'fulfilled')).toHaveLength(1)
    expect(both.filter(r => r.status === 'rejected').map(r => (r as PromiseRejectedResult).reason.code)).toEqual(['STALE_EDIT'])
    const [audit] = (await audits('hotline_call.update')).filter(a => a.objectId === call.id)
    expect(audit!.detail).toEqual({ fields: ['summary', 'toldOfLegalAidRight'], version: 2 })
    expect(await codeOf(svc.updateCall(deps, { ...updateCallBody.parse({ version: 3, topic: '劳动争议', summary: 's', outcome: 'callback_booked' }), id: call.id }, op))).toBe('OUTCOME_MISMATCH')
  })

  it('caller look-up: masked, audited with its purpose, 家庭暴力 records only for the staff handling them', async () => {
    const phone = '13700001111'
    const mine = await svc.logCall(deps, body({ callerPhone: phone }), op)
    const dv = await svc.logCall(deps, body({ callerPhone: phone, topic: '家庭暴力', summary: '来电人称遭受家暴，询问保护令。', safeToCallBack: false }), op)
    const q = callerLookupBody.parse({ phone: '137-0000-1111', purpose: '核实来电人以往咨询' })
    const forOp = await lookupCaller(deps, q, op)
    expect(forOp.calls.map(c => c.id).sort()).toEqual([mine.id, dv.id].sort())
    expect(forOp.withheld).toBe(0)
    const forOp2 = await lookupCaller(deps, q, op2)
    expect(forOp2.calls.map(c => c.id)).toEqual([mine.id])
    expect(forOp2.withheld).toBe(1)
    expect(JSON.stringify([forOp, forOp2])).not.toContain(phone)
    expect(forOp.calls[0]!.callerPhoneMasked).toBe('137****1111')
    expect(await codeOf(svc.openCall(deps, { id: dv.id }, op2))).toBe('CALL_RESTRICTED')
    const list = await svc.listCalls(deps, { page: 1 }, op2)
    expect(list.items.find(i => i.id === dv.id)!.callerPhoneMasked).toBeNull()
    const rows = (await audits('caller.lookup')).filter(a => a.actorId === op2.id)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ purpose: '核实来电人以往咨询', objectType: 'caller', detail: { calls: 1, appointments: 0, applications: 0, withheld: 1 } })
    expect(JSON.stringify(rows)).not.toContain(phone)
    const denied = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'hotline_call.read'), eq(auditLog.outcome, 'denied')))
    expect(denied.map(d => d.objectId)).toContain(dv.id)
  })

  it('exports a range of Asia/Shanghai days as formula-safe CSV, audited', async () => {
    const at = (iso: string) => ({ ...deps, now: () => new Date(iso) })
    await svc.saveOutcomeCode(deps, outcomeCodeBody.parse({ code: 'evil_eq', label: '=1+1', needsFollowUp: false, closesCall: true }), admin)
    const before = await svc.logCall(at('2025-03-09T15:59:59Z'), body(), op) // 2025-03-09 23:59:59 Beijing
    const first = await svc.logCall(at('2025-03-09T16:00:00Z'), body({ outcome: 'evil_eq' }), op) // 2025-03-10 00:00 Beijing
    const last = await svc.logCall(at('2025-03-10T15:59:00Z'), body({ callerPhone: PHONE }), op) // 23:59 Beijing
    const after = await svc.logCall(at('2025-03-10T16:00:00Z'), body(), op)
    const csv = await svc.exportCalls(deps, dayRangeQuery.parse({ from: '2025-03-10', to: '2025-03-10' }), sup)
    const rows = parseCsv(csv.replace(/^\uFEFF/, ''))
    expect(rows.slice(1).map(r => r[0])).toEqual([first.reference, last.reference])
    expect(csv).not.toContain(before.reference)
    expect(csv).not.toContain(after.reference)
    expect(rows[1]![3]).toBe("'=1+1")
    expect(rows[2]![4]).toBe('139****5678')
    expect(csv).not.toContain(PHONE)
    const [audit] = (await audits('hotline_call.export')).filter(a => a.actorId === sup.id)
    expect(audit).toMatchObject({ actorRole: 'supervisor', detail: { from: '2025-03-10', to: '2025-03-10', rows: 2 } })
    expect(dayRangeQuery.safeParse({ from: '2025-03-10', to: '2025-03-09' }).success).toBe(false)
    expect(dayRangeQuery.safeParse({ from: '2024-01-01', to: '2025-03-09' }).success).toBe(false)
  })
})
