import { describe, expect, it } from 'vitest'
import { matterCodes, type MatterCode } from '#shared/schemas/eligibility'
import { article31Items, article32Items } from '#shared/domain/eligibility'
import { POOR, RICH, articles, run } from './fixtures'

/** 法律援助法第三十一条 items (1)-(8): in scope, economic hardship required. */
const ART31: [MatterCode, number][] = [
  ['state_compensation', 1],
  ['social_insurance_or_assistance', 2],
  ['pension_compensation', 3],
  ['support_payment', 4],
  ['labor_relationship', 5],
  ['labor_remuneration', 5],
  ['civil_capacity', 6],
  ['work_injury', 7],
  ['traffic_accident_injury', 7],
  ['food_drug_injury', 7],
  ['medical_accident_injury', 7],
  ['environmental_damage', 8],
]

/** 第三十二条 items (1)-(4): no economic condition. */
const ART32: [MatterCode, number][] = [
  ['hero_martyr_rights', 1],
  ['good_samaritan', 2],
  ['wrongful_conviction_compensation', 3],
  ['abuse_or_domestic_violence', 4],
]

describe('第三十一条: listed matters need economic hardship', () => {
  it.each(ART31)('%s → item (%i), eligible in hardship', (matter, item) => {
    const r = run({ proceeding: 'civil', matter, household: POOR })
    expect(r.outcome).toBe('eligible')
    expect(r.meansTest).toBe('passed')
    expect(r.mandatoryAppointment).toBe(false)
    expect(r.basis[0]).toMatchObject({ law: '法律援助法', article: 31, item, statuteId: 'L67a404eb29-a0031' })
    expect(r.explanation).toContain(`第三十一条第（${'一二三四五六七八'[item - 1]}）项`)
    expect(r.pledgeAllowed).toBe(true)
  })

  it.each(ART31)('%s → not eligible above the standard', (matter) => {
    const r = run({ proceeding: 'civil', matter, household: RICH })
    expect(r.outcome).toBe('not_eligible')
    expect(r.meansTest).toBe('failed')
    expect(articles(r)).toContain('法律援助法:49')
  })

  it.each(ART31)('%s in an administrative proceeding is treated the same', (matter, item) => {
    const r = run({ proceeding: 'administrative', matter, household: POOR })
    expect(r.outcome).toBe('eligible')
    expect(articles(r)).toContain(`法律援助法:31:i${item}`)
  })

  it('the mapping table in the engine matches the article', () => {
    expect(Object.entries(article31Items).sort()).toEqual(ART31.map(([m, i]) => [m, i]).sort())
  })
})

describe('第三十二条: no economic condition', () => {
  it.each(ART32)('%s → item (%i), eligible even with a high income', (matter, item) => {
    const r = run({ proceeding: 'civil', matter, household: RICH })
    expect(r.outcome).toBe('eligible')
    expect(r.meansTest).toBe('not_required')
    expect(r.basis[0]).toMatchObject({ law: '法律援助法', article: 32, item, statuteId: 'L67a404eb29-a0032' })
    expect(r.standard).toBeUndefined()
    expect(r.pledgeAllowed).toBe(false)
    expect(r.documents.join()).not.toContain('个人诚信承诺书')
    expect(r.explanation).toContain('不受经济困难条件的限制')
  })

  it.each(ART32)('%s is eligible with no household facts at all', (matter) => {
    const r = run({ matter })
    expect(r.outcome).toBe('eligible')
    expect(r.missing).toEqual([])
  })

  it('the mapping table in the engine matches the article', () => {
    expect(Object.entries(article32Items).sort()).toEqual(ART32.map(([m, i]) => [m, i]).sort())
  })

  it('hero/martyr rights also cite 英雄烈士保护法第二十五条', () => {
    const r = run({ matter: 'hero_martyr_rights' })
    expect(r.basis).toContainEqual(expect.objectContaining({ law: '英雄烈士保护法', article: 25, statuteId: 'L4163162782-a0025' }))
  })

  it('hero/martyr rights for someone who says they are not a close relative → needs review', () => {
    const r = run({ matter: 'hero_martyr_rights', person: { heroMartyrCloseRelative: false }, household: RICH })
    expect(r.outcome).toBe('needs_review')
    expect(r.explanation).toContain('近亲属')
  })
})

describe('matters the law does not list', () => {
  it('"other" → needs review under 第三十一条第（九）项 / 第三十二条第（五）项, consultation still offered', () => {
    const r = run({ proceeding: 'civil', matter: 'other', household: POOR })
    expect(r.outcome).toBe('needs_review')
    expect(articles(r)).toEqual(expect.arrayContaining(['法律援助法:31:i9', '法律援助法:32:i5', '法律援助法:23']))
    expect(r.consultationOffered).toBe(true)
  })

  it('a missing matter → needs review and asks for it', () => {
    const r = run({ household: POOR })
    expect(r.outcome).toBe('needs_review')
    expect(r.missing).toContain('所申请法律援助的事项')
  })

  it('every matter code gets some outcome (no code falls through)', () => {
    for (const matter of matterCodes) {
      const r = run({ matter, household: POOR })
      expect(['eligible', 'not_eligible', 'needs_review']).toContain(r.outcome)
      expect(r.documents.length).toBeGreaterThan(0)
    }
  })
})

describe('第三十三条: retrial ordered or protest lodged', () => {
  it('brings an unlisted matter into scope with the hardship test', () => {
    const r = run({ matter: 'other', retrialOrdered: true, household: POOR })
    expect(r.outcome).toBe('eligible')
    expect(r.meansTest).toBe('passed')
    expect(articles(r)[0]).toBe('法律援助法:33')
    expect(r.documents).toContain('生效裁判文书，以及再审决定、裁定书或抗诉书')
  })

  it('still needs hardship', () => {
    const r = run({ matter: 'other', retrialOrdered: true, household: RICH })
    expect(r.outcome).toBe('not_eligible')
  })

  it('is added as a further basis for a listed matter', () => {
    const r = run({ matter: 'support_payment', retrialOrdered: true, household: POOR })
    expect(articles(r).slice(0, 2)).toEqual(['法律援助法:31:i4', '法律援助法:33'])
  })

  it('without a retrial, an unlisted matter stays under review', () => {
    const r = run({ matter: 'other', retrialOrdered: false, household: POOR })
    expect(r.outcome).toBe('needs_review')
  })
})
