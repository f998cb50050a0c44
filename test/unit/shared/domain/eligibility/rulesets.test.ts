import { describe, expect, it } from 'vitest'
import shippedRuleSets from '../../../../../content/eligibility/rulesets.json'
import type { MatterCode, StatusCode } from '../../../../../shared/schemas/eligibility'
import {
  EligibilityConfigError,
  activeRuleSets,
  parseEligibilityConfig,
  ruleMatches,
  type RuleCondition,
  type RuleSet,
} from '../../../../../shared/domain/eligibility'
import { POOR, RICH, articles, run, testConfig } from './fixtures'

const shipped = parseEligibilityConfig({ now: '2026-01-01', standards: [], ruleSets: shippedRuleSets }).ruleSets
const withShipped = () => testConfig({ ruleSets: [...shipped] })
const military = (matter: MatterCode) =>
  run({ matter, person: { age: 30, hasFixedIncome: true, statuses: ['military_family'] }, household: RICH }, withShipped())

describe('shipped military_family rule set (demo policy, from data)', () => {
  it.each<[MatterCode, string]>([
    ['support_payment', 'exempt'],
    ['labor_remuneration', 'exempt'],
    ['work_injury', 'exempt'],
    ['traffic_accident_injury', 'exempt'],
    ['pension_compensation', 'exempt'],
    ['state_compensation', 'failed'], // not in the rule's matter list
    ['environmental_damage', 'failed'],
  ])('%s → means test %s', (matter, meansTest) => {
    const r = military(matter)
    expect(r.meansTest).toBe(meansTest)
    expect(r.outcome).toBe(meansTest === 'exempt' ? 'eligible' : 'not_eligible')
  })

  it('cites only verifiable articles and says it is a demo policy to be confirmed', () => {
    const r = military('support_payment')
    expect(r.basis).toContainEqual(expect.objectContaining({ law: '军人地位和权益保障法', article: 61, statuteId: 'L34f335e758-a0061' }))
    expect(r.basis).toContainEqual(expect.objectContaining({ law: '法律援助法', article: 70, statuteId: 'L67a404eb29-a0070' }))
    expect(r.warnings?.some((w) => w.includes('军人军属法律援助（演示规则集）') && w.includes('须由法律援助中心核实确认'))).toBe(true)
    expect(r.explanation).toContain('优先提供法律援助')
    expect(r.documents).toContain('军人军属身份证明（如军官证、士兵证、部队出具的军属证明）')
  })

  it('never brings an unlisted matter into scope', () => {
    const r = military('other')
    expect(r.outcome).toBe('needs_review')
    expect(r.meansTest).toBe('failed')
  })

  it('does not apply to people without the status', () => {
    const r = run({ matter: 'support_payment', person: { age: 30, hasFixedIncome: true }, household: RICH }, withShipped())
    expect(r.meansTest).toBe('failed')
    expect(r.warnings ?? []).not.toContainEqual(expect.stringContaining('演示规则集'))
  })

  it('is recorded in ruleVersion', () => {
    expect(military('support_payment').ruleVersion).toBe('engine-2026.11;std-none;rs-military_family-1,veteran-1,local-1')
  })
})

describe('shipped veteran rule set', () => {
  it('exempts pension claims and gives priority (退役军人保障法第七十条)', () => {
    const r = run({ matter: 'pension_compensation', person: { age: 50, hasFixedIncome: true, statuses: ['veteran'] }, household: RICH }, withShipped())
    expect(r.meansTest).toBe('exempt')
    expect(r.basis).toContainEqual(expect.objectContaining({ law: '退役军人保障法', article: 70, statuteId: 'L7686427bba-a0070' }))
  })

  it('does not exempt other matters', () => {
    const r = run({ matter: 'support_payment', person: { age: 50, hasFixedIncome: true, statuses: ['veteran'] }, household: RICH }, withShipped())
    expect(r.meansTest).toBe('failed')
    expect(r.explanation).toContain('退役军人保障法第七十条')
  })
})

describe('rule set mechanics', () => {
  const localRule = (overrides: Partial<RuleSet> = {}): RuleSet => ({
    id: 'local',
    version: '7',
    title: '测试本地规则',
    status: 'confirmed',
    enabled: true,
    source: '测试',
    rules: [
      {
        id: 'left-behind-other',
        when: { statusesAny: ['left_behind'], mattersAny: ['other'] },
        effect: { type: 'inScope', meansTest: 'required' },
        basis: [{ law: '法律援助法', article: 31, item: 9 }],
        note: '本地规定：留守人员的其他事项纳入法律援助范围。',
      },
    ],
    ...overrides,
  })

  it('inScope adds an unlisted matter (第三十一条第（九）项) and keeps the means test', () => {
    const cfg = testConfig({ ruleSets: [localRule()] })
    const poor = run({ matter: 'other', person: { statuses: ['left_behind'] }, household: POOR }, cfg)
    expect(poor.outcome).toBe('eligible')
    expect(poor.meansTest).toBe('passed')
    expect(articles(poor)[0]).toBe('法律援助法:31:i9')
    expect(poor.explanation).toContain('本地规定：留守人员的其他事项纳入法律援助范围。')
    expect(poor.ruleVersion).toBe('engine-2026.11;std-fx-xingqing-urban-2026;rs-local-7')
    const rich = run({ matter: 'other', person: { statuses: ['left_behind'] }, household: RICH }, cfg)
    expect(rich.outcome).toBe('not_eligible')
  })

  it('inScope without means test makes it eligible with not_required', () => {
    const set = localRule()
    set.rules[0] = { ...set.rules[0]!, effect: { type: 'inScope', meansTest: 'not_required' } }
    const r = run({ matter: 'other', person: { statuses: ['left_behind'] }, household: RICH }, testConfig({ ruleSets: [set] }))
    expect(r.outcome).toBe('eligible')
    expect(r.meansTest).toBe('not_required')
  })

  it('inScope never overrides a listed matter or another status', () => {
    const cfg = testConfig({ ruleSets: [localRule()] })
    expect(run({ matter: 'other', household: POOR }, cfg).outcome).toBe('needs_review')
  })

  it.each([
    ['disabled', { enabled: false }],
    ['not yet in force', { effectiveFrom: '2027-01-01' }],
    ['expired', { effectiveTo: '2026-11-27' }],
  ])('a rule set that is %s is ignored and not in ruleVersion', (_name, overrides) => {
    const cfg = testConfig({ ruleSets: [localRule(overrides)] })
    const r = run({ matter: 'other', person: { statuses: ['left_behind'] }, household: POOR }, cfg)
    expect(r.outcome).toBe('needs_review')
    expect(r.ruleVersion).toMatch(/;rs-none$/)
    expect(activeRuleSets(cfg.ruleSets, '2026-11-28')).toEqual([])
  })

  it.each<[string, RuleCondition, StatusCode[], boolean]>([
    ['statusesAll needs every status', { statusesAll: ['veteran', 'dibao'] }, ['veteran'], false],
    ['statusesAll with every status', { statusesAll: ['veteran', 'dibao'] }, ['veteran', 'dibao'], true],
    ['statusesAny with one', { statusesAny: ['veteran', 'dibao'] }, ['dibao'], true],
    ['proceedingsAny mismatch', { proceedingsAny: ['administrative'] }, [], false],
    ['proceedingsAny match', { proceedingsAny: ['civil'] }, [], true],
  ])('conditions: %s', (_name, when, statuses, expected) => {
    expect(ruleMatches(when, { statuses, matter: 'other', proceeding: 'civil' })).toBe(expected)
  })

  it.each([
    ['a rule without conditions', { when: {} }],
    ['an unknown effect', { effect: { type: 'grant' } }],
    ['an unknown status code', { when: { statusesAny: ['vip'] } }],
    ['a basis without article', { basis: [{ law: '某办法' }] }],
  ])('refuses %s', (_name, ruleOverride) => {
    const bad = { ...localRule(), rules: [{ ...localRule().rules[0], ...ruleOverride }] }
    expect(() => parseEligibilityConfig({ now: '2026-01-01', standards: [], ruleSets: [bad] })).toThrow(EligibilityConfigError)
  })

  it('the shipped local rule set is empty', () => {
    expect(shipped.find((s) => s.id === 'local')?.rules).toEqual([])
  })

  it('the shipped military rule sets are marked demo with a source', () => {
    for (const id of ['military_family', 'veteran']) {
      const set = shipped.find((s) => s.id === id)
      expect(set?.status).toBe('demo')
      expect(set?.source).toContain('军人军属法律援助工作实施办法')
      expect(set?.note).toContain('法律援助中心')
    }
  })
})
