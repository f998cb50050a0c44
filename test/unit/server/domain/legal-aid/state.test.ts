import { describe, expect, it } from 'vitest'
import { DomainError } from '~~/server/domain/errors'
import { APPLICATION_ACTIONS, APPLICATION_STATUSES, nextStatus, TRANSITIONS, type ApplicationAction, type ApplicationStatus } from '~~/server/domain/legal-aid/state'
import { LEGAL_AID_STATUSES } from '~~/server/db/schema/legal-aid'

const allowed: Array<[ApplicationStatus, ApplicationAction, ApplicationStatus]> = [
  ['submitted', 'request_materials', 'materials_requested'],
  ['submitted', 'grant', 'granted'],
  ['submitted', 'refuse', 'refused'],
  ['submitted', 'start_provisional', 'provisional'], // 法律援助法第四十四条
  ['materials_requested', 'supply_materials', 'submitted'],
  ['materials_requested', 'expire_materials', 'withdrawn'],
  ['provisional', 'grant', 'assigned'], // the lawyer already works: the grant confirms
  ['provisional', 'refuse', 'refused'],
  ['provisional', 'terminate', 'terminated'],
  ['granted', 'assign', 'assigned'],
  ['granted', 'terminate', 'terminated'], // 第四十八条
  ['assigned', 'terminate', 'terminated'],
  ['refused', 'object', 'objection_pending'], // 第四十九条
  ['terminated', 'object', 'objection_pending'],
  ['objection_pending', 'maintain', 'objection_maintained'],
  ['objection_pending', 'order_correction', 'correction_ordered'], // 责令改正: NOT a grant
  ['correction_ordered', 'grant', 'granted'],
  ['correction_ordered', 'refuse', 'refused'],
  ['correction_ordered', 'terminate', 'terminated'],
]

describe('application state machine', () => {
  it.each(allowed)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to)
  })

  const refused = APPLICATION_STATUSES.flatMap(s => APPLICATION_ACTIONS.map(a => [s, a] as const))
    .filter(([s, a]) => !allowed.some(([f, x]) => f === s && x === a))
  it.each(refused)('%s refuses %s with INVALID_TRANSITION (409)', (from, action) => {
    try {
      nextStatus(from, action)
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError)
      expect((e as DomainError).code).toBe('INVALID_TRANSITION')
      expect((e as DomainError).kind).toBe('conflict')
    }
  })

  it('has exactly the transitions of the table, and the database CHECK lists the same statuses', () => {
    const n = Object.values(TRANSITIONS).reduce((k, t) => k + Object.keys(t).length, 0)
    expect(n).toBe(allowed.length)
    expect([...LEGAL_AID_STATUSES].sort()).toEqual([...APPLICATION_STATUSES].sort())
  })

  it('terminal statuses allow nothing', () => {
    for (const s of ['withdrawn', 'objection_maintained'] as const) expect(TRANSITIONS[s]).toEqual({})
  })

  it('第四十九条: 责令改正 never grants by itself — the centre decides again', () => {
    expect(nextStatus('objection_pending', 'order_correction')).toBe('correction_ordered')
    expect(Object.values(TRANSITIONS.objection_pending)).not.toContain('granted')
  })
})
