import { describe, expect, it } from 'vitest'
import ruleSets from '../../../../../content/eligibility/rulesets.json'
import { emptyAnswers, isAnswered, previewConfig, stepsFor, toScreeningInput, type Answers } from '../../../../../shared/domain/applications/questionnaire'
import { matterCaseCategory } from '../../../../../shared/domain/applications/questionnaire'
import { CASE_CATEGORIES } from '../../../../../shared/domain/cases/taxonomy'
import { screeningInput } from '../../../../../shared/schemas/eligibility'

const cfg = previewConfig(ruleSets, new Date('2026-11-28T00:00:00Z'))
const a = (x: Partial<Answers>): Answers => ({ ...emptyAnswers(), statusesAnswered: true, ...x })

describe('questionnaire flow (exemption first)', () => {
  it('starts with the matter and the status', () => {
    expect(stepsFor(emptyAnswers(), cfg)).toEqual(['matter', 'status'])
  })
  it('never asks a migrant worker owed wages about income', () => {
    const steps = stepsFor(a({ matter: 'labor_remuneration', statuses: ['migrant_worker'] }), cfg)
    expect(steps).toEqual(['matter', 'status', 'urgency'])
  })
  it('never asks a 低保 holder about income', () => {
    expect(stepsFor(a({ matter: 'support_payment', statuses: ['dibao'] }), cfg)).not.toContain('income')
  })
  it('domestic violence needs no means test', () => {
    expect(stepsFor(a({ matter: 'abuse_or_domestic_violence' }), cfg)).toEqual(['matter', 'status', 'urgency'])
  })
  it('asks age and disability before income, fixed income only for the special groups', () => {
    const base = a({ matter: 'support_payment' })
    expect(stepsFor(base, cfg)).toEqual(['matter', 'status', 'age', 'disability', 'place', 'income', 'urgency'])
    const elderly = { ...base, ageGroup: 'elderly' as const, disability: 'none' as const }
    expect(stepsFor(elderly, cfg)).toContain('fixedIncome')
    expect(stepsFor({ ...elderly, hasFixedIncome: false }, cfg)).toEqual(['matter', 'status', 'age', 'disability', 'fixedIncome', 'urgency'])
  })
  it('criminal defence: no urgency or income questions once a mandatory ground is found', () => {
    const steps = stepsFor(a({ matter: 'criminal_defense', hasDefender: false, ageGroup: 'minor', disability: 'none' }), cfg)
    expect(steps).toEqual(['matter', 'status', 'criminal', 'age', 'disability'])
  })
  it('builds a valid engine input from the answers', () => {
    const input = toScreeningInput(a({ matter: 'support_payment', ageGroup: 'adult', disability: 'none', county: 'xingqing', residence: 'urban', householdSize: 3, monthlyIncome: 2000, urgentDeadline: true, needsPreservation: false }))
    expect(screeningInput.safeParse(input).success).toBe(true)
    expect(input).toMatchObject({ daysToDeadline: 3, household: { size: 3 } })
    expect(isAnswered('income', a({ householdSize: 3 }))).toBe(false)
  })
  it('maps every matter to a case library category', () => {
    for (const c of Object.values(matterCaseCategory)) expect(CASE_CATEGORIES as readonly string[]).toContain(c)
  })
})
