import { describe, expect, it } from 'vitest'
import type { MatterCode, ScreeningInputRaw, StatusCode } from '#shared/schemas/eligibility'
import { compareHardship, thresholdFen } from '#shared/domain/eligibility'
import { POOR, RICH, articles, run, testStandards } from './fixtures'

type Household = NonNullable<ScreeningInputRaw['household']>

describe('hardship comparison: household income per capita ≤ multiplier × 低保', () => {
  it.each([
    // county, residence, size, income, expected, threshold (test data, 2026)
    ['xingqing', 'urban', 1, 1700, 'passed', 1700],
    ['xingqing', 'urban', 1, 1701, 'failed', 1700],
    ['xingqing', 'urban', 1, 1700.01, 'failed', 1700],
    ['xingqing', 'urban', 3, 5100, 'passed', 1700], // exactly 1700 per person
    ['xingqing', 'urban', 3, 5103, 'failed', 1700], // one yuan per person over
    ['xingqing', 'urban', 3, 5100.01, 'failed', 1700], // a fen over in total
    ['xingqing', 'urban', 4, 0, 'passed', 1700],
    ['xingqing', 'rural', 1, 1200, 'passed', 1200],
    ['xingqing', 'rural', 1, 1201, 'failed', 1200],
    ['xingqing', 'rural', 1, 1500, 'failed', 1200],
    ['xingqing', 'urban', 1, 1500, 'passed', 1700], // urban vs rural differ
    ['jinfeng', 'urban', 2, 3250, 'passed', 1625], // 812.5 × 2, fen-exact
    ['jinfeng', 'urban', 2, 3250.01, 'failed', 1625],
    ['lingwu', 'rural', 4, 3000, 'passed', 750], // multiplier 1.5
    ['lingwu', 'rural', 4, 3004, 'failed', 750],
  ] as const)('%s %s, %i people, %f yuan → %s (threshold %i)', (county, residence, size, monthlyIncome, expected, threshold) => {
    const r = run({ matter: 'labor_remuneration', household: { county, residence, size, monthlyIncome } })
    expect(r.meansTest).toBe(expected)
    expect(r.outcome).toBe(expected === 'passed' ? 'eligible' : 'not_eligible')
    expect(r.standard?.thresholdMonthly).toBe(threshold)
    expect(r.standard?.county).toBe(county)
    expect(r.standard?.residence).toBe(residence)
  })

  it('divides by household size (a high total can still be hardship)', () => {
    expect(run({ matter: 'support_payment', household: { ...POOR, size: 5, monthlyIncome: 8000 } }).meansTest).toBe('passed')
    expect(run({ matter: 'support_payment', household: { ...POOR, size: 1, monthlyIncome: 8000 } }).meansTest).toBe('failed')
  })

  it('states in the explanation exactly what was compared', () => {
    const r = run({ matter: 'labor_remuneration', household: { county: 'xingqing', residence: 'urban', size: 3, monthlyIncome: 5100 } })
    expect(r.explanation).toContain(
      '家庭月收入 5100 元 ÷ 3 人 = 人均 1700.00 元，不高于兴庆区城镇居民经济困难标准 1700 元（低保标准 850 元 × 2，标准版本 fx-xingqing-urban-2026，自 2026-01-01 起执行）',
    )
    const over = run({ matter: 'labor_remuneration', household: { county: 'xingqing', residence: 'urban', size: 3, monthlyIncome: 5103 } })
    expect(over.explanation).toContain('人均 1701.00 元，高于兴庆区城镇居民经济困难标准 1700 元')
  })

  it('records the standard that decided, with 第三十四条 and 第四十一条', () => {
    const r = run({ matter: 'labor_remuneration', household: POOR })
    expect(r.standard).toEqual({
      id: 'fx-xingqing-urban-2026',
      county: 'xingqing',
      residence: 'urban',
      dibaoMonthly: 850,
      multiplier: 2,
      thresholdMonthly: 1700,
      effectiveFrom: '2026-01-01',
      source: '单元测试数据',
    })
    expect(articles(r)).toEqual(expect.arrayContaining(['法律援助法:34', '法律援助法:41:p2']))
    expect(r.pledgeAllowed).toBe(true)
    expect(r.documents).toContain('经济困难状况说明：可提交经济困难证明材料，或在申请时签署个人诚信承诺书（第四十一条）')
  })

  it('compareHardship works in integer fen', () => {
    const jinfeng = testStandards.find((s) => s.id === 'fx-jinfeng-urban-2026')!
    expect(thresholdFen(jinfeng)).toBe(162_500)
    expect(compareHardship(0.1 + 0.2, 1, jinfeng)).toMatchObject({ incomeFen: 30, passed: true })
    expect(compareHardship(3250, 2, jinfeng)).toMatchObject({ passed: true, perCapitaFen: 162_500 })
    expect(compareHardship(3250.01, 2, jinfeng).passed).toBe(false)
  })
})

describe('missing facts → means test unknown, needs review, pledge allowed', () => {
  const complete: Household = { ...POOR }
  it.each([
    ['monthlyIncome', '家庭月收入（全家每月收入合计，单位：元）'],
    ['size', '家庭人口数'],
    ['county', '户籍或经常居住地所在县（市、区）'],
    ['residence', '城镇居民或农村居民'],
  ] as const)('without %s', (field, message) => {
    const household = Object.fromEntries(Object.entries(complete).filter(([key]) => key !== field)) as Household
    const r = run({ matter: 'labor_remuneration', person: { age: 30 }, household })
    expect(r.meansTest).toBe('unknown')
    expect(r.outcome).toBe('needs_review')
    expect(r.missing).toEqual([message])
    expect(r.pledgeAllowed).toBe(true)
    expect(r.standard).toBeUndefined()
    expect(articles(r)).toContain('法律援助法:41:p2')
    expect(r.ruleVersion).toContain(';std-none;')
  })

  it('lists everything missing at once (一次性告知)', () => {
    const r = run({ matter: 'labor_remuneration' })
    expect(r.missing).toEqual([
      '家庭月收入（全家每月收入合计，单位：元）',
      '家庭人口数',
      '户籍或经常居住地所在县（市、区）',
      '城镇居民或农村居民',
    ])
  })

  it('no standard in force for the place → unknown with a warning for admins', () => {
    const r = run({ matter: 'labor_remuneration', household: { ...POOR, county: 'helan' } })
    expect(r.meansTest).toBe('unknown')
    expect(r.outcome).toBe('needs_review')
    expect(r.warnings).toEqual(['未找到贺兰县城镇居民在 2026-11-28 有效的低保标准版本，请管理员补充。'])
  })
})

const ASSISTANCE: StatusCode[] = ['dibao', 'tekun', 'social_assistance', 'judicial_assistance', 'youfu']

describe('第四十二条: exempt from verifying hardship', () => {
  it.each([
    ['(一) minor without fixed income', { age: 15, hasFixedIncome: false }],
    ['(一) elderly (60) without fixed income', { age: 60, hasFixedIncome: false }],
    ['(一) elderly (85) without fixed income', { age: 85, hasFixedIncome: false }],
    ['(一) disabled without fixed income', { age: 40, disability: 'physical', hasFixedIncome: false }],
  ] as const)('%s', (_name, person) => {
    const r = run({ matter: 'support_payment', person, household: RICH })
    expect(r.meansTest).toBe('exempt')
    expect(r.outcome).toBe('eligible')
    expect(r.basis[1]).toMatchObject({ article: 42, item: 1 })
    expect(r.pledgeAllowed).toBe(false)
    expect(r.standard).toBeUndefined()
    expect(r.documents).toContain('无固定生活来源的证明（如村（居）民委员会出具的情况说明）')
  })

  it.each([
    ['59 without fixed income', { age: 59, hasFixedIncome: false, disability: 'none' }],
    ['elderly with a fixed income', { age: 70, hasFixedIncome: true }],
    ['disabled with a fixed income', { age: 40, disability: 'visual', hasFixedIncome: true }],
  ] as const)('item (一) does not apply: %s', (_name, person) => {
    const r = run({ matter: 'support_payment', person, household: RICH })
    expect(r.meansTest).toBe('failed')
    expect(r.outcome).toBe('not_eligible')
  })

  it.each(ASSISTANCE)('(二) %s', (status) => {
    const r = run({ matter: 'pension_compensation', person: { statuses: [status] } })
    expect(r.meansTest).toBe('exempt')
    expect(r.outcome).toBe('eligible')
    expect(r.missing).toEqual([])
    expect(r.basis[1]).toMatchObject({ article: 42, item: 2 })
    expect(r.documents.length).toBeGreaterThanOrEqual(3)
  })

  it('(二) documents name the proof of status', () => {
    const r = run({ matter: 'support_payment', person: { statuses: ['dibao', 'tekun'] } })
    expect(r.documents).toEqual(expect.arrayContaining(['最低生活保障证（低保证）或低保对象证明', '特困人员救助供养证或相关证明']))
  })

  it.each<[MatterCode, boolean]>([
    ['labor_remuneration', true],
    ['work_injury', true],
    ['support_payment', false],
    ['traffic_accident_injury', false],
    ['social_insurance_or_assistance', false],
  ])('(三) migrant worker, %s → exempt: %s', (matter, exempt) => {
    const r = run({ matter, person: { age: 35, statuses: ['migrant_worker'], hasFixedIncome: true }, household: RICH })
    expect(r.meansTest).toBe(exempt ? 'exempt' : 'failed')
    expect(r.outcome).toBe(exempt ? 'eligible' : 'not_eligible')
    expect(articles(r).includes('法律援助法:42:i3')).toBe(exempt)
  })

  it('(三) a migrant worker\'s divorce ("other") is neither exempt nor in scope: failed means test → not eligible (art. 23 consultation)', () => {
    const r = run({ matter: 'other', person: { age: 35, statuses: ['migrant_worker'], hasFixedIncome: true }, household: RICH })
    expect(r.meansTest).toBe('failed')
    expect(r.outcome).toBe('not_eligible')
    expect(articles(r)).toContain('法律援助法:23')
  })

  it('(三) 确认劳动关系 is art. 31(5) but NOT exempt for a migrant worker (only 支付劳动报酬 and 工伤 are)', () => {
    const r = run({ matter: 'labor_relationship', person: { age: 35, statuses: ['migrant_worker'], hasFixedIncome: true }, household: RICH })
    expect(r.meansTest).toBe('failed')
    expect(r.outcome).toBe('not_eligible')
    expect(articles(r)).toContain('法律援助法:31:i5')
    expect(articles(r)).not.toContain('法律援助法:42:i3')
  })

  it('(三) the documents include proof of migrant-worker status (rural household + work in town)', () => {
    const r = run({ matter: 'labor_remuneration', person: { statuses: ['migrant_worker'] } })
    expect(r.documents.some((d) => d.includes('进城务工人员身份的证明') && d.includes('农村户籍'))).toBe(true)
  })

  it.each(ASSISTANCE)('an exemption never brings an unlisted matter into scope (%s + other)', (status) => {
    const r = run({ matter: 'other', person: { statuses: [status] } })
    expect(r.meansTest).toBe('exempt')
    expect(r.outcome).toBe('needs_review')
  })

  it.each<StatusCode>(['single_mother_hardship', 'left_behind', 'migrant_worker'])(
    'status %s alone does not exempt (policy groups are not named in art. 42)',
    (status) => {
      const r = run({ matter: 'state_compensation', person: { age: 30, hasFixedIncome: true, statuses: [status] }, household: RICH })
      expect(r.meansTest).toBe('failed')
      expect(r.outcome).toBe('not_eligible')
    },
  )

  it.each<StatusCode>(['military_family', 'veteran', 'martyr_survivor'])(
    '(二) 优抚对象: %s with a failed means test → needs_review until the centre confirms (军人抚恤优待条例第二条)',
    (status) => {
      const r = run({ matter: 'state_compensation', person: { age: 30, hasFixedIncome: true, statuses: [status] }, household: RICH })
      expect(r.meansTest).toBe('failed')
      expect(r.outcome).toBe('needs_review')
      expect(r.missing).toContainEqual(expect.stringContaining('是否属于优抚对象'))
      expect(r.basis).toContainEqual(expect.objectContaining({ law: '军人抚恤优待条例', article: 2, statuteId: 'L14df7348ad-a0002' }))
      expect(r.explanation).toContain('优抚对象')
    },
  )

  it('(二) a veteran with an unlisted matter and a failed means test is reviewed, not refused', () => {
    const r = run({ matter: 'other', person: { age: 30, hasFixedIncome: true, statuses: ['veteran'] }, household: RICH })
    expect(r.outcome).toBe('needs_review')
  })

  it('a possible art. 42(1) exemption is asked before refusing (elderly, fixed income unknown)', () => {
    const r = run({ matter: 'support_payment', person: { age: 72 }, household: RICH })
    expect(r.outcome).toBe('needs_review')
    expect(r.missing).toEqual(['是否有固定生活来源（无固定生活来源的未成年人、老年人、残疾人免予核查经济困难状况）'])
  })

  it('no fixed income but age and disability unknown → asks for them', () => {
    const r = run({ matter: 'support_payment', person: { hasFixedIncome: false }, household: RICH })
    expect(r.outcome).toBe('needs_review')
    expect(r.missing).toEqual(['年龄或残疾情况（无固定生活来源的未成年人、老年人、残疾人免予核查经济困难状况）'])
  })

  it('an in-hardship result does not ask about exemptions', () => {
    const r = run({ matter: 'support_payment', person: { age: 72 }, household: POOR })
    expect(r.outcome).toBe('eligible')
    expect(r.missing).toEqual([])
  })
})
