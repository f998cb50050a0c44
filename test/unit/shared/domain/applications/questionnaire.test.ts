import { describe, expect, it } from 'vitest'
import ruleSets from '~~/content/eligibility/rulesets.json'
import { emptyAnswers, isAnswered, matterCaseCategory, previewConfig, STEP_DEFINITIONS, stepsFor, toScreeningInput, type Answers, type StepId } from '#shared/domain/applications/questionnaire'
import { CASE_CATEGORIES } from '#shared/domain/cases/taxonomy'
import { screeningInput } from '#shared/schemas/eligibility'
import { parseEligibilityConfig, screen } from '#shared/domain/eligibility'

const serverCfg = parseEligibilityConfig({
  now: '2026-11-28',
  standards: [{ id: 't', county: 'xingqing', residence: 'urban', dibaoMonthly: 850, multiplier: 2, effectiveFrom: '2026-01-01', source: '测试' }],
  ruleSets,
})
const result = (x: Answers) => screen(screeningInput.parse(toScreeningInput(x)), serverCfg)
const defence = (x: Partial<Answers>) => a({ statusesAnswered: false, matter: 'criminal_defense', asker: 'family', hasDefender: false, ...x })

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
  it('criminal defence: no urgency, status or income questions once a mandatory ground is found (第二十五条第一款第（一）项)', () => {
    const steps = stepsFor(a({ matter: 'criminal_defense', asker: 'self', hasDefender: false, stage: 'ordinary', lifeOrDeath: 'no', ageGroup: 'minor', disability: 'none' }), cfg)
    expect(steps).toEqual(['matter', 'asker', 'criminal', 'stage', 'charge', 'age'])
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

describe('mandatory defence is reachable from the questionnaire (法律援助法第二十五条、第二十八条)', () => {
  it('(四) family of a defendant facing a possible death sentence: stops at the charge question, mandatory, no means test', () => {
    const x = defence({ stage: 'ordinary', lifeOrDeath: 'yes' })
    expect(stepsFor(x, cfg)).toEqual(['matter', 'asker', 'criminal', 'stage', 'charge'])
    expect(toScreeningInput(x)).toMatchObject({ applicantRelation: 'close_relative', criminal: { possibleLifeOrDeath: true, hasDefender: false } })
    const r = result(x)
    expect(r.mandatoryAppointment).toBe(true)
    expect(r.meansTest).toBe('not_required')
  })

  it('(五) death-penalty review: stops at the stage question; the result says to apply', () => {
    const x = defence({ stage: 'death_review' })
    expect(stepsFor(x, cfg)).toEqual(['matter', 'asker', 'criminal', 'stage'])
    const r = result(x)
    expect(r.mandatoryAppointment).toBe(false)
    expect(r.outcome).toBe('eligible')
    expect(r.explanation).toContain('需要提出法律援助申请')
  })

  it.each([['in_absentia', 6], ['compulsory_medical', 28]] as const)('%s → mandatory at the stage question', (stage, _days) => {
    const x = defence({ stage })
    expect(stepsFor(x, cfg).at(-1)).toBe('stage')
    expect(result(x).mandatoryAppointment).toBe(true)
  })

  it('(三) asks whether the person can fully understand their conduct; "cannot" is mandatory', () => {
    const base = defence({ stage: 'ordinary', lifeOrDeath: 'unsure', ageGroup: 'adult', disability: 'mental' })
    expect(stepsFor(base, cfg).at(-1)).toBe('understanding')
    const cannot = { ...base, understandsConduct: 'no' as const }
    expect(stepsFor(cannot, cfg).at(-1)).toBe('understanding')
    expect(result(cannot).mandatoryAppointment).toBe(true)
  })

  it('(三) mental disability with "说不清" → needs_review with the capacity question listed, even when rich', () => {
    const x = defence({ stage: 'ordinary', lifeOrDeath: 'no', ageGroup: 'adult', disability: 'intellectual', understandsConduct: 'unsure', statusesAnswered: true, county: 'xingqing', residence: 'urban', householdSize: 1, monthlyIncome: 50_000 })
    const r = result(x)
    expect(r.outcome).toBe('needs_review')
    expect(r.missing).toContainEqual(expect.stringContaining('能否完全辨认自己的行为'))
  })

  it('第二十四条: no mandatory ground → status, then the household questions, whose answers reach the engine', () => {
    const x = defence({ stage: 'ordinary', lifeOrDeath: 'no', ageGroup: 'adult', disability: 'none', understandsConduct: 'yes', statusesAnswered: true })
    expect(stepsFor(x, cfg)).toEqual(['matter', 'asker', 'criminal', 'stage', 'charge', 'age', 'disability', 'understanding', 'status', 'place', 'income'])
    const answered = { ...x, county: 'xingqing' as const, residence: 'urban' as const, householdSize: 3, monthlyIncome: 1500 }
    expect(toScreeningInput(answered).household).toEqual({ county: 'xingqing', residence: 'urban', size: 3, monthlyIncome: 1500 })
    const r = result(answered)
    expect(r.meansTest).toBe('passed')
    expect(r.missing).toEqual([])
    expect(r.explanation).toContain('值班律师')
  })

  it('第二十九条: a victim\'s household answers reach the engine too', () => {
    const x = a({ matter: 'criminal_victim', asker: 'self', hasDefender: false, ageGroup: 'adult', disability: 'none', county: 'xingqing', residence: 'urban', householdSize: 2, monthlyIncome: 1000 })
    expect(result(x).meansTest).toBe('passed')
  })

  it('a suspect who already has a lawyer is asked nothing more', () => {
    expect(stepsFor(defence({ hasDefender: true }), cfg)).toEqual(['matter', 'asker', 'criminal'])
  })
})

describe('status step texts (法律援助法第四十二条)', () => {
  const status = STEP_DEFINITIONS.status.questions[0]!
  it('the hint does not suggest single mothers, left-behind families, military families or veterans are exempt as such', () => {
    for (const word of ['单亲', '留守', '军人', '军属', '退役']) expect(status.hint).not.toContain(word)
    expect(status.hint).toContain('第四十二条')
  })
  it('explains 优抚对象 (军人抚恤优待条例第二条) and says the centre confirms it', () => {
    const youfu = status.kind === 'choice' ? status.options.find(o => o.value === 'youfu') : undefined
    expect(youfu?.hint).toContain('军人抚恤优待条例第二条')
    expect(youfu?.hint).toContain('法律援助机构确认')
  })
  it('policy groups are told their status alone exempts nothing', () => {
    const opts = status.kind === 'choice' ? status.options : []
    for (const code of ['single_mother_hardship', 'left_behind']) expect(opts.find(o => o.value === code)?.hint).toContain('不免除')
  })
  it('a military family is asked the 实施办法 categories, which reach the engine as statuses', () => {
    const x = a({ matter: 'marriage_family', statuses: ['military_family'], militaryAnswered: true, militaryCategories: ['conscript_or_cadet'] })
    expect(stepsFor(x, cfg)).toContain('military')
    expect(toScreeningInput(x).person?.statuses).toEqual(['military_family', 'conscript_or_cadet'])
    expect(result(x).meansTest).toBe('exempt')
  })
})

describe('question definitions', () => {
  it('every step has a title and at least one question with options', () => {
    for (const [id, d] of Object.entries(STEP_DEFINITIONS) as [StepId, typeof STEP_DEFINITIONS[StepId]][]) {
      expect(d.id).toBe(id)
      expect(d.title.length).toBeGreaterThan(0)
      expect(d.questions.length).toBeGreaterThan(0)
      for (const q of d.questions) if (q.kind === 'choice') expect(q.options.length).toBeGreaterThan(0)
    }
  })
})
