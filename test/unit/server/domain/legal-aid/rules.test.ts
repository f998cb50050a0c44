import { describe, expect, it } from 'vitest'
import type { DomainError } from '../../../../../server/domain/errors'
import * as rules from '../../../../../server/domain/legal-aid/rules'

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

  it('objection: once, decided within 5 days; correction grants aid', () => {
    const refusedApp = { ...base, status: 'refused' }
    const o = rules.object(refusedApp, at, '2026-11-04')
    expect(o).toMatchObject({ status: 'objection_pending', objectionDue: '2026-11-09' })
    expect(codeOf(() => rules.object({ ...refusedApp, objectionAt: at }, at, '2026-11-04'))).toBe('OBJECTION_ALREADY_FILED')
    const pending = { ...base, status: 'objection_pending', objectionAt: at, objectionDue: '2026-11-09' }
    expect(rules.decideObjection(pending, 'correct', '经审查，申请人属于进城务工人员讨薪', at, '2026-11-06', 'u2')).toMatchObject({ status: 'granted', assignDue: '2026-11-09' })
    expect(rules.decideObjection(pending, 'maintain', '经审查，原决定认定事实清楚', at, '2026-11-06', 'u2')).toMatchObject({ status: 'objection_maintained' })
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
