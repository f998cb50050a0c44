import { describe, expect, it } from 'vitest'
import { matterCodes, screeningInput, type ScreeningInputRaw } from '#shared/schemas/eligibility'
import { DEMO_SOURCE_PREFIX, DEMO_STANDARDS_WARNING, ENGINE_VERSION, screen } from '#shared/domain/eligibility'
import { POOR, RICH, articles, run, testConfig, testStandards } from './fixtures'

describe('第四十四条: urgency (先行提供法律援助)', () => {
  it.each([
    [0, true],
    [1, true],
    [6, true],
    [7, false],
    [8, false],
    [365, false],
  ])('%i days before the deadline → urgent %s', (daysToDeadline, urgent) => {
    const r = run({ matter: 'labor_remuneration', household: POOR, daysToDeadline })
    expect(r.urgent).toBe(urgent)
    expect(articles(r).includes('法律援助法:44:p1:i1')).toBe(urgent)
    expect(r.explanation.includes('先行提供法律援助')).toBe(urgent)
  })

  it.each([
    ['evidence preservation', { needsEvidencePreservation: true }],
    ['asset preservation', { needsAssetPreservation: true }],
    ['advance execution', { needsAdvanceExecution: true }],
  ])('%s → urgent under item (二)', (_name, urgency) => {
    const r = run({ matter: 'traffic_accident_injury', household: POOR, urgency, daysToDeadline: 30 })
    expect(r.urgent).toBe(true)
    expect(articles(r)).toContain('法律援助法:44:p1:i2')
    expect(articles(r)).not.toContain('法律援助法:44:p1:i1')
    expect(r.documents).toContain('能说明期限即将届满或需要立即保全的材料（如判决或决定的送达日期、证据可能灭失的情况）')
  })

  it('both grounds are cited together', () => {
    const r = run({ matter: 'traffic_accident_injury', urgency: { needsEvidencePreservation: true }, daysToDeadline: 2 })
    expect(articles(r).filter((a) => a.startsWith('法律援助法:44'))).toEqual(['法律援助法:44:p1:i1', '法律援助法:44:p1:i2'])
  })

  it('no deadline given and no preservation → not urgent', () => {
    const r = run({ matter: 'labor_remuneration', household: POOR, urgency: { needsEvidencePreservation: false } })
    expect(r.urgent).toBe(false)
  })

  it('urgency is flagged even while facts are still missing', () => {
    const r = run({ matter: 'labor_remuneration', daysToDeadline: 3 })
    expect(r.outcome).toBe('needs_review')
    expect(r.urgent).toBe(true)
  })
})

describe('always: free consultation (第二十三条, not 第二十二条), ruleVersion, plain explanation', () => {
  const samples: ScreeningInputRaw[] = [
    {},
    { matter: 'other' },
    { matter: 'labor_remuneration', household: RICH },
    { matter: 'abuse_or_domestic_violence' },
    { matter: 'criminal_defense', person: { age: 16 } },
    ...matterCodes.map((matter) => ({ matter, household: POOR })),
  ]

  it.each(samples.map((s) => [JSON.stringify(s), s] as const))('%s', (_name, input) => {
    const r = run(input)
    expect(r.consultationOffered).toBe(true)
    expect(r.basis.at(-1)).toMatchObject({ law: '法律援助法', article: 23, statuteId: 'L67a404eb29-a0023' })
    expect(r.explanation).toContain('（第二十三条）')
    expect(r.explanation).not.toContain('第二十二条')
    expect(r.explanation).toContain('免费获得法律咨询')
    expect(r.ruleVersion).toMatch(new RegExp(`^engine-${ENGINE_VERSION.replace('.', '\\.')};std-[\\w-]+;rs-[\\w,.-]+$`))
    expect(r.documents.length).toBeGreaterThan(0)
    expect(r.explanation).toMatch(/测评结果：/)
  })

  it('ruleVersion names engine, standard and rule sets', () => {
    const r = run({ matter: 'labor_remuneration', household: POOR })
    expect(r.ruleVersion).toBe('engine-2026.12;std-fx-xingqing-urban-2026;rs-none')
  })

  it('only the numbers given appear in the explanation (no personal data added)', () => {
    const r = run({ matter: 'support_payment', person: { age: 47 }, household: { ...POOR, monthlyIncome: 1234 } })
    expect(r.explanation).toContain('1234')
    expect(r.explanation).not.toContain('47')
  })

  it('is deterministic and does not mutate the input', () => {
    const input = screeningInput.parse({ matter: 'support_payment', person: { statuses: ['dibao'] }, household: POOR })
    const copy = JSON.parse(JSON.stringify(input)) as unknown
    const config = testConfig()
    expect(screen(input, config)).toEqual(screen(input, config))
    expect(input).toEqual(copy)
  })

  it('a refusal points to the objection route (第四十九条)', () => {
    const r = run({ matter: 'labor_remuneration', person: { age: 30, hasFixedIncome: true }, household: RICH })
    expect(r.outcome).toBe('not_eligible')
    expect(r.basis).toContainEqual(expect.objectContaining({ article: 49, statuteId: 'L67a404eb29-a0049' }))
    expect(r.explanation).toContain('可以向设立该机构的司法行政部门提出（第四十九条）')
  })

  it('an eligible result mentions the 7-day decision (第四十三条)', () => {
    expect(run({ matter: 'labor_remuneration', household: POOR }).explanation).toContain('七日内作出决定（第四十三条）')
  })
})

describe('policy groups (单亲困难母亲, 留守妇女儿童) route through the law, not around it', () => {
  it.each([
    ['single mother claiming child support in hardship', 'single_mother_hardship', 'support_payment', POOR, 'eligible', 'passed'],
    ['single mother claiming child support, not in hardship', 'single_mother_hardship', 'support_payment', RICH, 'not_eligible', 'failed'],
    ['left-behind woman facing domestic violence', 'left_behind', 'abuse_or_domestic_violence', RICH, 'eligible', 'not_required'],
    ['single mother, state compensation, not in hardship', 'single_mother_hardship', 'state_compensation', RICH, 'not_eligible', 'failed'],
  ] as const)('%s', (_name, status, matter, household, outcome, meansTest) => {
    const r = run({ matter, person: { age: 35, hasFixedIncome: true, statuses: [status] }, household })
    expect(r.outcome).toBe(outcome)
    expect(r.meansTest).toBe(meansTest)
    expect(r.explanation).toContain('单亲困难母亲、留守妇女儿童是本市重点服务对象')
  })

  it('together with 低保 → exempt under 第四十二条第（二）项', () => {
    const r = run({ matter: 'support_payment', person: { statuses: ['single_mother_hardship', 'dibao'] }, household: RICH })
    expect(r.meansTest).toBe('exempt')
    expect(articles(r)).toContain('法律援助法:42:i2')
  })

  it('the policy sentence is absent for other people', () => {
    expect(run({ matter: 'support_payment', household: POOR }).explanation).not.toContain('重点服务对象')
  })
})

describe('documents are tailored', () => {
  it('asks an agent for their own identity and relationship (第四十条)', () => {
    const r = run({ matter: 'civil_capacity', applicantRelation: 'legal_representative', household: POOR })
    expect(r.documents).toContain('代为申请人的身份证明，以及与申请人关系的证明（如户口簿、监护证明、法定代理证明）')
  })

  it('hardship route: identity, hardship statement or pledge, matter material', () => {
    expect(run({ matter: 'work_injury', household: POOR }).documents).toEqual([
      '申请人身份证明（居民身份证、户口簿等）',
      '经济困难状况说明：可提交经济困难证明材料，或在申请时签署个人诚信承诺书（第四十一条）',
      '工伤认定书或事故证明、医疗诊断证明和费用票据、劳动关系证明',
    ])
  })

  it('no-means-test route does not ask for hardship proof', () => {
    expect(run({ matter: 'good_samaritan' }).documents).toEqual([
      '申请人身份证明（居民身份证、户口簿等）',
      '见义勇为的证明材料（如见义勇为确认文件、报警记录、证人证言）',
    ])
  })

  it('disabled without fixed income: proof of no income and the disability card', () => {
    const r = run({ matter: 'support_payment', person: { age: 40, disability: 'mental', hasFixedIncome: false } })
    expect(r.documents).toEqual(expect.arrayContaining(['无固定生活来源的证明（如村（居）民委员会出具的情况说明）', '残疾人证']))
  })

  it('migrant worker wage claim (第四十二条第（三）项): proof of migrant-worker status', () => {
    const r = run({ matter: 'labor_remuneration', person: { statuses: ['migrant_worker'] } })
    expect(r.documents).toContainEqual(expect.stringContaining('进城务工人员身份的证明'))
  })
})

describe('第三十一条、第三十二条: a civil matter the law does not list', () => {
  it('failed means test, no exemption → not_eligible with free consultation (第二十三条), not needs_review', () => {
    const r = run({ matter: 'other', person: { age: 30, hasFixedIncome: true }, household: RICH })
    expect(r.outcome).toBe('not_eligible')
    expect(r.meansTest).toBe('failed')
    expect(r.basis).toContainEqual(expect.objectContaining({ article: 23 }))
    expect(r.explanation).toContain('免费获得法律咨询')
  })

  it('in hardship → still needs the centre\'s review (第三十一条第（九）项)', () => {
    expect(run({ matter: 'other', household: POOR }).outcome).toBe('needs_review')
  })

  it('a possible art. 42(1) exemption still open → asked, not refused', () => {
    const r = run({ matter: 'other', person: { age: 70 }, household: RICH })
    expect(r.outcome).toBe('needs_review')
  })
})

describe('低保 placeholders: the 示例 warning on every result while any placeholder is in use', () => {
  const demo = testStandards.map((s) => (s.id === 'fx-xingqing-urban-2026' ? { ...s, source: `${DEMO_SOURCE_PREFIX}：测试` } : s))
  it.each<ScreeningInputRaw>([
    { matter: 'abuse_or_domestic_violence' },
    { matter: 'criminal_defense', person: { age: 16 } },
    { matter: 'labor_remuneration', household: POOR },
  ])('%j', (input) => {
    const r = run(input, testConfig({ standards: demo }))
    expect(r.warnings).toContain(DEMO_STANDARDS_WARNING)
    expect(DEMO_STANDARDS_WARNING).toContain('示例')
    expect(run(input).warnings ?? []).not.toContain(DEMO_STANDARDS_WARNING)
  })

  it('a placeholder superseded by an official version no longer triggers it', () => {
    // fx-xingqing-urban-2025 (index 0) ended 2025-12-31; screening on 2026-11-28 uses the 2026 version
    const old = testStandards.map((s) => (s.id === 'fx-xingqing-urban-2025' ? { ...s, source: `${DEMO_SOURCE_PREFIX}：旧` } : s))
    expect(run({ matter: 'abuse_or_domestic_violence' }, testConfig({ standards: old })).warnings ?? []).not.toContain(DEMO_STANDARDS_WARNING)
  })
})
