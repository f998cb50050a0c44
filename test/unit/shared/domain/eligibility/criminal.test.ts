import { describe, expect, it } from 'vitest'
import type { ScreeningInputRaw } from '#shared/schemas/eligibility'
import { POOR, RICH, articles, run } from './fixtures'

/** 法律援助法第二十五条第一款 items (1)-(6): notified appointment, no application, no means test. */
const ART25: [string, ScreeningInputRaw, number][] = [
  ['(一) a minor (17)', { matter: 'criminal_defense', person: { age: 17 } }, 1],
  ['(一) a minor (14)', { matter: 'criminal_defense', person: { age: 14 } }, 1],
  ['(二) visual disability', { matter: 'criminal_defense', person: { age: 40, disability: 'visual' } }, 2],
  ['(二) hearing disability', { matter: 'criminal_defense', person: { age: 40, disability: 'hearing' } }, 2],
  ['(二) speech disability', { matter: 'criminal_defense', person: { age: 40, disability: 'speech' } }, 2],
  ['(三) adult who cannot fully understand own conduct', { matter: 'criminal_defense', person: { age: 40, cannotFullyUnderstandConduct: true } }, 3],
  ['(四) possible life imprisonment or death', { matter: 'criminal_defense', person: { age: 40 }, criminal: { possibleLifeOrDeath: true } }, 4],
  ['(六) trial in absentia', { matter: 'criminal_defense', person: { age: 40 }, criminal: { inAbsentia: true } }, 6],
  ['(四) flag alone implies the defendant side', { proceeding: 'criminal', criminal: { possibleLifeOrDeath: true } }, 4],
]

describe('第二十五条第一款: mandatory appointment', () => {
  it.each(ART25)('%s', (_name, input, item) => {
    const withHighIncome = { ...input, household: RICH, criminal: { ...input.criminal, hasDefender: false } }
    const r = run(withHighIncome)
    expect(r.outcome).toBe('eligible')
    expect(r.mandatoryAppointment).toBe(true)
    expect(r.meansTest).toBe('not_required')
    expect(r.standard).toBeUndefined()
    expect(r.pledgeAllowed).toBe(false)
    expect(r.basis[0]).toMatchObject({ law: '法律援助法', article: 25, paragraph: 1, item, statuteId: 'L67a404eb29-a0025' })
    expect(r.documents[0]).toContain('无需提交申请')
    expect(r.warnings).toBeUndefined()
  })

  it.each(ART25)('%s, but a defender is already retained → not eligible', (_name, input) => {
    const r = run({ ...input, criminal: { ...input.criminal, hasDefender: true } })
    expect(r.outcome).toBe('not_eligible')
    expect(r.mandatoryAppointment).toBe(false)
  })

  it('an unknown defender status still appoints, with a warning', () => {
    const r = run({ matter: 'criminal_defense', person: { age: 16 } })
    expect(r.mandatoryAppointment).toBe(true)
    expect(r.warnings).toEqual(['通知指派以没有委托辩护人为前提；如已自行委托律师，则不再指派。'])
  })

  it('lists every item that applies', () => {
    const r = run({
      matter: 'criminal_defense',
      person: { age: 17, disability: 'hearing' },
      criminal: { possibleLifeOrDeath: true, hasDefender: false },
    })
    expect(articles(r).filter((a) => a.startsWith('法律援助法:25'))).toEqual([
      '法律援助法:25:p1:i1',
      '法律援助法:25:p1:i2',
      '法律援助法:25:p1:i4',
    ])
  })

  it.each([
    ['age 18 is an adult', { age: 18 }],
    ['physical disability is not item (二)', { age: 40, disability: 'physical' as const }],
    ['intellectual disability, fully understands: not item (二) or (三)', { age: 40, disability: 'intellectual' as const, cannotFullyUnderstandConduct: false }],
  ])('no mandatory appointment: %s', (_name, person) => {
    const r = run({ matter: 'criminal_defense', person, criminal: { hasDefender: false }, household: POOR })
    expect(r.mandatoryAppointment).toBe(false)
    expect(articles(r)[0]).toBe('法律援助法:24')
  })

  it('item (三) is for adults; a minor who cannot understand is covered by item (一)', () => {
    const r = run({ matter: 'criminal_defense', person: { age: 15, cannotFullyUnderstandConduct: true } })
    expect(articles(r).filter((a) => a.startsWith('法律援助法:25'))).toEqual(['法律援助法:25:p1:i1'])
  })

  it('multiple disabilities (maybe visual/hearing/speech) → needs review', () => {
    const r = run({ matter: 'criminal_defense', person: { age: 40, disability: 'multiple' }, household: RICH })
    expect(r.outcome).toBe('needs_review')
    expect(r.missing).toContainEqual(expect.stringContaining('多重残疾是否包括视力、听力或言语残疾'))
  })
})

describe('第二十八条: compulsory medical treatment', () => {
  it('respondent without an agent → mandatory, no means test', () => {
    const r = run({ proceeding: 'criminal', criminal: { compulsoryMedical: true, hasDefender: false }, household: RICH })
    expect(r.outcome).toBe('eligible')
    expect(r.mandatoryAppointment).toBe(true)
    expect(r.meansTest).toBe('not_required')
    expect(r.basis[0]).toMatchObject({ article: 28, statuteId: 'L67a404eb29-a0028' })
  })

  it('the proceeding is inferred from the criminal facts', () => {
    const r = run({ criminal: { compulsoryMedical: true } })
    expect(r.mandatoryAppointment).toBe(true)
  })

  it('with an agent already retained → not eligible', () => {
    const r = run({ proceeding: 'criminal', criminal: { compulsoryMedical: true, hasDefender: true } })
    expect(r.outcome).toBe('not_eligible')
    expect(r.mandatoryAppointment).toBe(false)
  })
})

describe('第二十四条: other suspects and defendants apply and pass the means test', () => {
  it('in hardship → eligible', () => {
    const r = run({ matter: 'criminal_defense', person: { age: 30 }, criminal: { hasDefender: false }, household: POOR })
    expect(r.outcome).toBe('eligible')
    expect(r.meansTest).toBe('passed')
    expect(r.mandatoryAppointment).toBe(false)
    expect(articles(r)[0]).toBe('法律援助法:24')
    expect(r.warnings).toContain(
      '其他适用普通程序审理的刑事案件，被告人没有委托辩护人的，人民法院也可以通知法律援助机构指派律师（第二十五条第二款）。',
    )
  })

  it('not in hardship → not eligible', () => {
    const r = run({ matter: 'criminal_defense', person: { age: 30 }, household: RICH })
    expect(r.outcome).toBe('not_eligible')
  })

  it('not in hardship but age unknown → needs review (a minor would be appointed)', () => {
    const r = run({ matter: 'criminal_defense', household: RICH })
    expect(r.outcome).toBe('needs_review')
    expect(r.missing).toEqual(['年龄（未成年人由办案机关通知指派律师）'])
  })

  it('art. 42 exemptions apply to defendants too (低保)', () => {
    const r = run({ matter: 'criminal_defense', person: { age: 30, statuses: ['dibao'] } })
    expect(r.outcome).toBe('eligible')
    expect(r.meansTest).toBe('exempt')
  })

  it('already has a defender → not eligible', () => {
    const r = run({ matter: 'criminal_defense', person: { age: 30 }, criminal: { hasDefender: true }, household: POOR })
    expect(r.outcome).toBe('not_eligible')
    expect(articles(r)[0]).toBe('法律援助法:24')
  })
})

describe('第二十九条: victims, private prosecutors, incidental civil plaintiffs', () => {
  it.each([
    ['victim (matter)', { matter: 'criminal_victim' }],
    ['victim (role)', { proceeding: 'criminal', criminal: { role: 'victim' } }],
    ['private prosecutor', { matter: 'criminal_victim', criminal: { role: 'private_prosecutor' } }],
    ['incidental civil plaintiff claiming injury', { proceeding: 'criminal', matter: 'traffic_accident_injury', criminal: { role: 'incidental_civil_plaintiff' } }],
    ['victim via a close relative', { matter: 'criminal_victim', applicantRelation: 'close_relative' }],
    ['private prosecutor via a legal representative', { matter: 'criminal_victim', applicantRelation: 'legal_representative', criminal: { role: 'private_prosecutor' } }],
  ] as [string, ScreeningInputRaw][])('%s: hardship → eligible, no hardship → not eligible', (_name, input) => {
    const poor = run({ ...input, household: POOR })
    expect(poor.outcome).toBe('eligible')
    expect(poor.meansTest).toBe('passed')
    expect(poor.mandatoryAppointment).toBe(false)
    expect(articles(poor)[0]).toBe('法律援助法:29')
    const rich = run({ ...input, household: RICH })
    expect(rich.outcome).toBe('not_eligible')
  })

  it('a close relative of a private prosecutor is not named in art. 29 → needs review', () => {
    const r = run({ matter: 'criminal_victim', applicantRelation: 'close_relative', criminal: { role: 'private_prosecutor' }, household: POOR })
    expect(r.outcome).toBe('needs_review')
  })

  it('already has an agent → not eligible', () => {
    const r = run({ matter: 'criminal_victim', criminal: { hasDefender: true }, household: POOR })
    expect(r.outcome).toBe('not_eligible')
  })

  it('a minor victim is not a mandatory appointment (art. 25 is for suspects and defendants)', () => {
    const r = run({ matter: 'criminal_victim', person: { age: 12, hasFixedIncome: true }, household: RICH })
    expect(r.mandatoryAppointment).toBe(false)
    expect(r.outcome).toBe('not_eligible')
  })

  it('a minor victim whose fixed income is unknown → asked (art. 42(1) could exempt)', () => {
    const r = run({ matter: 'criminal_victim', person: { age: 12 }, household: RICH })
    expect(r.outcome).toBe('needs_review')
    expect(r.missing).toEqual([expect.stringContaining('是否有固定生活来源')])
  })
})

describe('criminal proceeding without a role', () => {
  it('→ needs review and asks for the role', () => {
    const r = run({ proceeding: 'criminal', matter: 'other', household: POOR })
    expect(r.outcome).toBe('needs_review')
    expect(r.missing[0]).toContain('在刑事案件中的身份')
  })
})

describe('第二十五条第一款第（三）项: capacity asked, never a "no" while it is open', () => {
  it.each(['mental', 'intellectual', 'multiple'] as const)('%s disability, capacity unknown, rich → needs_review listing the capacity question', (disability) => {
    const r = run({ matter: 'criminal_defense', person: { age: 40, disability }, criminal: { hasDefender: false }, household: RICH })
    expect(r.outcome).toBe('needs_review')
    expect(r.outcome).not.toBe('not_eligible')
    expect(r.missing).toContainEqual(expect.stringContaining('能否完全辨认自己的行为'))
    expect(articles(r)).toContain('法律援助法:25:p1:i3')
  })

  it('mental disability and cannot fully understand → mandatory, even for a family member asking', () => {
    const r = run({ matter: 'criminal_defense', applicantRelation: 'close_relative', person: { age: 40, disability: 'mental', cannotFullyUnderstandConduct: true }, household: RICH })
    expect(r.mandatoryAppointment).toBe(true)
    expect(r.meansTest).toBe('not_required')
  })

  it('mental disability, understands fully, rich → not eligible (art. 24 means test), duty lawyer still offered', () => {
    const r = run({ matter: 'criminal_defense', person: { age: 40, disability: 'mental', cannotFullyUnderstandConduct: false, hasFixedIncome: true }, criminal: { hasDefender: false }, household: RICH })
    expect(r.outcome).toBe('not_eligible')
    expect(r.explanation).toContain('值班律师')
  })
})

describe('第二十五条第一款第（四）项: family of a defendant facing a possible death sentence', () => {
  it('is told a lawyer must be appointed: no application, no means test', () => {
    const r = run({ matter: 'criminal_defense', applicantRelation: 'close_relative', criminal: { possibleLifeOrDeath: true, hasDefender: false }, household: RICH })
    expect(r.outcome).toBe('eligible')
    expect(r.mandatoryAppointment).toBe(true)
    expect(r.meansTest).toBe('not_required')
    expect(r.explanation).toContain('不需要本人或家属申请')
    expect(r.explanation).toContain('不审查经济状况')
    expect(r.documents[0]).toContain('无需提交申请')
  })
})

describe('第二十五条第一款第（五）项: death-penalty review is BY APPLICATION', () => {
  const review = (extra: ScreeningInputRaw = {}) =>
    run({ matter: 'criminal_defense', person: { age: 40 }, criminal: { deathPenaltyReview: true, hasDefender: false }, household: RICH, ...extra })

  it('is eligible without a means test but not "无需申请": the defendant must apply', () => {
    const r = review()
    expect(r.outcome).toBe('eligible')
    expect(r.mandatoryAppointment).toBe(false)
    expect(r.meansTest).toBe('not_required')
    expect(r.basis[0]).toMatchObject({ article: 25, paragraph: 1, item: 5 })
    expect(r.explanation).toContain('需要提出法律援助申请')
    expect(r.explanation).not.toContain('无需申请')
    expect(r.documents.join('')).not.toContain('无需提交申请')
    expect(r.documents.join('')).toContain('死刑')
  })

  it('a possible-death flag does not turn the review into "no application" (item (四) is a trial-stage ground)', () => {
    const r = review({ criminal: { deathPenaltyReview: true, possibleLifeOrDeath: true, hasDefender: false } })
    expect(r.mandatoryAppointment).toBe(false)
    expect(articles(r)).not.toContain('法律援助法:25:p1:i4')
  })

  it('the family may apply for a detained defendant (第四十条第二款)', () => {
    const r = review({ applicantRelation: 'close_relative' })
    expect(articles(r)).toContain('法律援助法:40:p2')
  })

  it('with a defender already retained → not eligible', () => {
    expect(review({ criminal: { deathPenaltyReview: true, hasDefender: true } }).outcome).toBe('not_eligible')
  })
})

describe('第二十五条第一款第（六）项 and 刑事诉讼法第二百九十三条: trial in absentia', () => {
  it('cites both', () => {
    const r = run({ matter: 'criminal_defense', criminal: { inAbsentia: true } })
    expect(r.mandatoryAppointment).toBe(true)
    expect(r.basis).toContainEqual(expect.objectContaining({ law: '刑事诉讼法', article: 293, statuteId: 'Labc8634944-a0293' }))
  })
})

describe('第二十八条 and 刑事诉讼法第三百零四条: compulsory medical treatment', () => {
  it('cites both', () => {
    const r = run({ matter: 'criminal_defense', criminal: { compulsoryMedical: true } })
    expect(r.mandatoryAppointment).toBe(true)
    expect(r.basis).toContainEqual(expect.objectContaining({ law: '刑事诉讼法', article: 304 }))
  })
})

describe('第三十条, 刑事诉讼法第三十六条: every result for a suspect without a lawyer names the duty lawyer', () => {
  it.each<[string, ScreeningInputRaw]>([
    ['rich, art. 24 refused', { matter: 'criminal_defense', person: { age: 30 }, household: RICH }],
    ['poor, art. 24 granted', { matter: 'criminal_defense', person: { age: 30 }, household: POOR }],
    ['mandatory (minor)', { matter: 'criminal_defense', person: { age: 16 } }],
    ['death-penalty review', { matter: 'criminal_defense', criminal: { deathPenaltyReview: true } }],
    ['means unknown', { matter: 'criminal_defense' }],
    ['capacity open', { matter: 'criminal_defense', person: { age: 40, disability: 'mental' } }],
  ])('%s', (_name, input) => {
    const r = run(input)
    expect(r.explanation).toContain('值班律师')
    expect(articles(r)).toContain('法律援助法:30')
    expect(r.basis).toContainEqual(expect.objectContaining({ law: '刑事诉讼法', article: 36 }))
  })

  it('not when a defender is retained, and not for a victim', () => {
    expect(run({ matter: 'criminal_defense', person: { age: 30 }, criminal: { hasDefender: true } }).explanation).not.toContain('值班律师')
    expect(run({ matter: 'criminal_victim', household: RICH }).explanation).not.toContain('值班律师')
  })
})

describe('第二十四条、第二十九条: the household answers decide the criminal means test', () => {
  it('a defendant in hardship is eligible from the household answers alone', () => {
    const r = run({ matter: 'criminal_defense', person: { age: 30 }, household: POOR })
    expect(r.meansTest).toBe('passed')
    expect(r.missing).toEqual([])
  })
})
