import { describe, expect, it } from 'vitest'
import type { DomainError } from '~~/server/domain/errors'
import * as rules from '~~/server/domain/legal-aid/rules'

const base: rules.ApplicationState = {
  status: 'submitted', receivedDate: '2026-11-02', urgent: false, decisionDue: '2026-11-09', decisionDaysLeft: null,
  materialsRequestedAt: null, materialsDue: null, materialsSuppliedAt: null, assignDue: null, objectionAt: null, objectionDue: null,
}
const at = new Date('2026-11-04T02:00:00Z')

const codeOf = (fn: () => unknown) => {
  try { fn() } catch (e) { return (e as DomainError).code }
  return undefined
}

describe('legal-aid rules', () => {
  it('receipt starts the 7-day decision clock', () => {
    expect(rules.onReceipt('2026-11-02')).toEqual({ receivedDate: '2026-11-02', decisionDue: '2026-11-09' })
  })

  it('requests materials once, all together, pausing the clock', () => {
    const p = rules.requestMaterials(base, ['户口簿', '欠薪证据'], at, '2026-11-04', 'u1')
    expect(p).toMatchObject({ status: 'materials_requested', materialsList: ['户口簿', '欠薪证据'], materialsDue: '2026-11-19', decisionDaysLeft: 5 })
    const after = { ...base, ...p, status: 'submitted' } as rules.ApplicationState
    expect(codeOf(() => rules.requestMaterials(after, ['x'], at, '2026-11-05', 'u1'))).toBe('MATERIALS_ALREADY_REQUESTED')
  })

  it('supplied materials resume the clock; late ones mean withdrawn', () => {
    const waiting = { ...base, status: 'materials_requested', materialsRequestedAt: at, materialsDue: '2026-11-19', decisionDaysLeft: 5 }
    expect(rules.supplyMaterials(waiting, at, '2026-11-10')).toMatchObject({ status: 'submitted', decisionDue: '2026-11-15', decisionDaysLeft: null })
    expect(rules.expiryPatch(waiting, at, '2026-11-19')).toBeNull()
    expect(rules.expiryPatch(waiting, at, '2026-11-20')).toMatchObject({ status: 'withdrawn' })
    expect(codeOf(() => rules.supplyMaterials(waiting, at, '2026-11-20'))).toBe('MATERIALS_DEADLINE_PASSED')
  })

  it('grant starts the 3-day assignment clock; refusal needs written reasons', () => {
    expect(rules.grant(base, at, '2026-11-04', 'u1')).toMatchObject({ status: 'granted', assignDue: '2026-11-07' })
    expect(codeOf(() => rules.refuse(base, '太短', at, 'u1'))).toBe('REASONS_REQUIRED')
    expect(rules.refuse(base, '家庭人均收入高于经济困难标准，且不属于免予核查的情形', at, 'u1')).toMatchObject({ status: 'refused' })
  })

  it('a decided application cannot be decided again', () => {
    expect(codeOf(() => rules.grant({ ...base, status: 'granted' }, at, '2026-11-04', 'u1'))).toBe('INVALID_TRANSITION')
    expect(codeOf(() => rules.grant({ ...base, status: 'materials_requested' }, at, '2026-11-04', 'u1'))).toBe('INVALID_TRANSITION')
  })

  it('第四十九条: one objection per decision, decided within 5 days; 责令改正 orders a new decision (not a grant)', () => {
    const refusedApp = { ...base, status: 'refused', decidedAt: at }
    const o = rules.object(refusedApp, at, '2026-11-04')
    expect(o).toMatchObject({ status: 'objection_pending', objectionDue: '2026-11-09', objectionSubject: 'refusal' })
    const later = new Date(at.getTime() + 3600_000)
    expect(codeOf(() => rules.object({ ...refusedApp, objectionAt: later }, later, '2026-11-04'))).toBe('OBJECTION_ALREADY_FILED')
    const pending = { ...base, status: 'objection_pending', objectionAt: at, objectionDue: '2026-11-09', objectionSubject: 'refusal' }
    const corrected = rules.decideObjection(pending, 'correct', '经审查，申请人属于进城务工人员讨薪', at, '2026-11-06', 'u2')
    expect(corrected).toMatchObject({ status: 'correction_ordered', decisionDue: '2026-11-13', objectionDecision: 'correct' })
    expect(corrected).not.toHaveProperty('assignDue')
    expect(rules.decideObjection(pending, 'maintain', '经审查，原决定认定事实清楚', at, '2026-11-06', 'u2')).toMatchObject({ status: 'objection_maintained' })
    expect(codeOf(() => rules.decideObjection(pending, 'maintain', '太短', at, '2026-11-06', 'u2'))).toBe('REASONS_REQUIRED')
  })

  it('after 责令改正 the centre decides again; a new refusal can be objected to again', () => {
    const ordered = { ...base, status: 'correction_ordered', objectionAt: at, objectionSubject: 'refusal', decidedAt: at }
    expect(rules.grant(ordered, at, '2026-11-07', 'u1')).toMatchObject({ status: 'granted', assignDue: '2026-11-10' })
    const later = new Date(at.getTime() + 86_400_000)
    const refusedAgain = { ...ordered, ...rules.refuse(ordered, '重新审查后，家庭人均收入仍高于经济困难标准', later, 'u1') } as rules.ApplicationState
    expect(refusedAgain.status).toBe('refused')
    expect(rules.object(refusedAgain, new Date(later.getTime() + 1000), '2026-11-08')).toMatchObject({ status: 'objection_pending' })
    expect(codeOf(() => rules.terminate(ordered, 4, '经济状况变化，不再符合条件', at, 'u1'))).toBe('INVALID_TRANSITION')
  })

  it('第四十八条: termination needs a statutory ground and written reasons, and can be objected to (第四十九条)', () => {
    const assigned = { ...base, status: 'assigned', decidedAt: at }
    expect(codeOf(() => rules.terminate(assigned, 6, '短', at, 'u1'))).toBe('REASONS_REQUIRED')
    expect(codeOf(() => rules.terminate(assigned, 9 as never, '受援人自行委托了律师事务所的律师', at, 'u1'))).toBe('GROUND_INVALID')
    const later = new Date(at.getTime() + 86_400_000)
    const t = rules.terminate(assigned, 6, '受援人自行委托了律师事务所的律师', later, 'u1')
    expect(t).toMatchObject({ status: 'terminated', terminationGround: 6 })
    const terminated = { ...assigned, ...t } as rules.ApplicationState
    expect(rules.object(terminated, new Date(later.getTime() + 1000), '2026-11-06')).toMatchObject({ status: 'objection_pending', objectionSubject: 'termination' })
    expect(codeOf(() => rules.terminate({ ...base, status: 'submitted' }, 6, '受援人自行委托了律师事务所的律师', at, 'u1'))).toBe('INVALID_TRANSITION')
  })

  it('第四十四条: aid before the decision — the lawyer starts now, the decision clock keeps running, a grant confirms', () => {
    const p = rules.startProvisional(base, 1, '李律师', '宁夏某律师事务所', at, 'u1')
    expect(p).toMatchObject({ status: 'provisional', provisionalGround: 1, assigneeLawyer: '李律师' })
    const prov = { ...base, ...p } as rules.ApplicationState
    expect(rules.runningDeadlines(prov, '2026-11-05')[0]).toMatchObject({ kind: 'decision', due: '2026-11-09' })
    expect(rules.grant(prov, at, '2026-11-06', 'u1')).toMatchObject({ status: 'assigned' })
    expect(rules.refuse(prov, '补充材料后查明不符合经济困难条件', at, 'u1')).toMatchObject({ status: 'refused' })
    expect(codeOf(() => rules.startProvisional({ ...base, status: 'granted' }, 1, '李律师', '某所', at, 'u1'))).toBe('INVALID_TRANSITION')
  })

  it('the 15-day materials period is the centre\'s rule, and its last day moves past a 法定休假日 (民法典第二百零三条)', () => {
    // requested 2026-09-16: 15 days → 2026-10-01, National Day holiday until 10-07 → 10-08 (working day)
    const p = rules.requestMaterials({ ...base, receivedDate: '2026-09-15', decisionDue: '2026-09-22' }, ['户口簿'], at, '2026-09-16', 'u1')
    expect(p.materialsDue).toBe('2026-10-08')
    // requested 2026-11-06: 15 days → 2026-11-21 (Saturday) → Monday 2026-11-23
    expect(rules.requestMaterials(base, ['户口簿'], at, '2026-11-06', 'u1').materialsDue).toBe('2026-11-23')
    const d = rules.runningDeadlines({ ...base, status: 'materials_requested', materialsDue: '2026-11-23' }, '2026-11-10')[0]!
    expect(d.basis).toContain('本中心规定')
    expect(d.basis).toContain('民法典第二百零三条')
    expect(d.basis).not.toMatch(/^法律援助法第四十三条第二款$/)
  })

  it('shows the clock that runs now', () => {
    expect(rules.runningDeadlines(base, '2026-11-08')).toEqual([expect.objectContaining({ kind: 'decision', due: '2026-11-09', daysLeft: 1, level: 'due_soon' })])
    expect(rules.runningDeadlines({ ...base, status: 'granted', assignDue: '2026-11-07' }, '2026-11-08')[0]).toMatchObject({ kind: 'assign', level: 'overdue' })
    expect(rules.runningDeadlines({ ...base, status: 'assigned' }, '2026-11-08')).toEqual([])
  })

  it('orders the queue: urgent first (art. 44), then by the nearest deadline', () => {
    const d = (due: string) => ({ kind: 'decision' as const, label: '', basis: '', due, daysLeft: 0, level: 'ok' as const })
    const items = [
      { id: 'late', urgent: false, deadline: d('2026-11-09'), receivedDate: '2026-11-02' },
      { id: 'soon', urgent: false, deadline: d('2026-11-05'), receivedDate: '2026-10-29' },
      { id: 'urgent', urgent: true, deadline: d('2026-11-11'), receivedDate: '2026-11-04' },
      { id: 'none', urgent: false, deadline: null, receivedDate: '2026-10-01' },
    ]
    expect(items.sort(rules.compareForQueue).map(i => i.id)).toEqual(['urgent', 'soon', 'late', 'none'])
  })
})
