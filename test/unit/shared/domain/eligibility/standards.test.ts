import { describe, expect, it } from 'vitest'
import shippedStandards from '~~/content/eligibility/dibao-standards.json'
import shippedRuleSets from '~~/content/eligibility/rulesets.json'
import { countyCodes, residenceCodes } from '#shared/schemas/eligibility'
import {
  DEMO_STANDARDS_WARNING,
  EligibilityConfigError,
  assertNoOverlap,
  parseEligibilityConfig,
  selectStandard,
  toScreeningDate,
  type DibaoStandard,
} from '#shared/domain/eligibility'
import { POOR, run, testConfig, testStandards } from './fixtures'

describe('standard version selection by screening date', () => {
  it.each([
    ['2025-01-01', 'fx-xingqing-urban-2025'],
    ['2025-06-30', 'fx-xingqing-urban-2025'],
    ['2025-12-31', 'fx-xingqing-urban-2025'], // effectiveTo is inclusive
    ['2026-01-01', 'fx-xingqing-urban-2026'],
    ['2030-01-01', 'fx-xingqing-urban-2026'], // open-ended
    ['2024-12-31', undefined], // before any version
  ])('%s → %s', (date, id) => {
    expect(selectStandard(testStandards, 'xingqing', 'urban', date)?.id).toBe(id)
  })

  it('the same facts can pass under one version and fail under the next', () => {
    // per capita 1650: ≤ 1700 (2026) but > 1600 (2025)
    const household = { ...POOR, size: 1, monthlyIncome: 1650 }
    const old = run({ matter: 'labor_remuneration', household }, testConfig({ now: '2025-12-31' }))
    const current = run({ matter: 'labor_remuneration', household }, testConfig({ now: '2026-01-01' }))
    expect(old.meansTest).toBe('failed')
    expect(old.standard?.id).toBe('fx-xingqing-urban-2025')
    expect(old.ruleVersion).toContain(';std-fx-xingqing-urban-2025;')
    expect(current.meansTest).toBe('passed')
    expect(current.standard?.id).toBe('fx-xingqing-urban-2026')
    expect(current.ruleVersion).toContain(';std-fx-xingqing-urban-2026;')
  })

  it('a later open-ended version supersedes an earlier open-ended one', () => {
    const a: DibaoStandard = { ...testStandards[1]!, id: 'a', effectiveFrom: '2024-01-01' }
    const b: DibaoStandard = { ...testStandards[1]!, id: 'b', effectiveFrom: '2026-07-01' }
    expect(selectStandard([b, a], 'xingqing', 'urban', '2026-06-30')?.id).toBe('a')
    expect(selectStandard([b, a], 'xingqing', 'urban', '2026-07-01')?.id).toBe('b')
  })

  it.each([
    [new Date('2025-12-31T15:59:59Z'), '2025-12-31'],
    [new Date('2025-12-31T16:00:00Z'), '2026-01-01'], // midnight in Yinchuan (UTC+8)
    ['2026-03-05', '2026-03-05'],
  ])('screening date %s is the Beijing-time day %s', (now, day) => {
    expect(toScreeningDate(now)).toBe(day)
  })

  it('a Date at Beijing midnight picks the new version', () => {
    const r = run(
      { matter: 'labor_remuneration', household: POOR },
      testConfig({ now: new Date('2025-12-31T16:00:00Z') }),
    )
    expect(r.standard?.id).toBe('fx-xingqing-urban-2026')
  })

  it('rejects a malformed screening date', () => {
    expect(() => toScreeningDate('28/11/2026')).toThrow(RangeError)
    expect(() => toScreeningDate(new Date('nope'))).toThrow(RangeError)
  })
})

describe('config validation', () => {
  const base = testStandards[0]!

  it.each([
    ['overlapping closed versions', [
      { ...base, id: 'x1', effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31' },
      { ...base, id: 'x2', effectiveFrom: '2025-12-31' },
    ]],
    ['two versions starting the same day', [
      { ...base, id: 'x1', effectiveFrom: '2025-01-01', effectiveTo: undefined },
      { ...base, id: 'x2', effectiveFrom: '2025-01-01', effectiveTo: undefined },
    ]],
  ])('refuses %s', (_name, standards) => {
    expect(() => assertNoOverlap(standards as DibaoStandard[])).toThrow(EligibilityConfigError)
  })

  it('allows a different county or residence on the same day', () => {
    expect(() => assertNoOverlap([base, { ...base, id: 'y', residence: 'rural' }])).not.toThrow()
  })

  it.each([
    ['a negative 低保 figure', [{ ...base, dibaoMonthly: -1 }]],
    ['an unknown county', [{ ...base, county: 'beijing' }]],
    ['an impossible date', [{ ...base, effectiveFrom: '2026-02-30' }]],
    ['effectiveTo before effectiveFrom', [{ ...base, effectiveTo: '2024-01-01' }]],
    ['an unknown field', [{ ...base, extra: 1 }]],
    ['duplicate ids', [base, { ...base, residence: 'rural' }]],
    ['not a list', { standards: [] }],
  ])('parseEligibilityConfig refuses %s', (_name, standards) => {
    expect(() => parseEligibilityConfig({ now: '2026-01-01', standards, ruleSets: [] })).toThrow(EligibilityConfigError)
  })

  it('refuses a malformed date string', () => {
    expect(() => parseEligibilityConfig({ now: '2026-13-01', standards: [], ruleSets: [] })).toThrow(EligibilityConfigError)
  })

  it('the error carries a SCREAMING_SNAKE code', () => {
    try {
      parseEligibilityConfig({ now: '2026-01-01', standards: 'x', ruleSets: [] })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(EligibilityConfigError)
      expect((error as EligibilityConfigError).code).toBe('ELIGIBILITY_CONFIG_INVALID')
    }
  })
})

describe('shipped content/eligibility data', () => {
  const config = parseEligibilityConfig({ now: '2026-11-28', standards: shippedStandards, ruleSets: shippedRuleSets })

  it('validates', () => {
    expect(config.standards.length).toBeGreaterThan(0)
    expect(config.ruleSets.map((r) => r.id)).toEqual(['military_family', 'veteran', 'local'])
  })

  it.each(['2025-06-01', '2026-11-28'])('covers every county × residence on %s', (date) => {
    for (const county of countyCodes) {
      for (const residence of residenceCodes) {
        const s = selectStandard(config.standards, county, residence, date)
        expect(s, `${county}/${residence}`).toBeDefined()
        expect(s?.multiplier).toBe(2)
      }
    }
  })

  it('is clearly marked as placeholder data, and the result says so', () => {
    for (const s of config.standards) {
      expect(s.source).toBe('示例数据（演示用），须由管理员按民政部门公布的最新标准核实替换')
    }
    const r = run({ matter: 'labor_remuneration', household: POOR }, config)
    expect(r.warnings).toContain(DEMO_STANDARDS_WARNING)
    // every result, even one that never used a figure, while any placeholder is configured
    expect(run({ matter: 'abuse_or_domestic_violence' }, config).warnings).toContain(DEMO_STANDARDS_WARNING)
  })
})
