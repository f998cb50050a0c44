import { describe, expect, it } from 'vitest'
import shippedRuleSets from '~~/content/eligibility/rulesets.json'
import type { MatterCode, ScreeningInputRaw, StatusCode } from '#shared/schemas/eligibility'
import {
  EligibilityConfigError,
  activeRuleSets,
  parseEligibilityConfig,
  ruleMatches,
  type RuleCondition,
  type RuleSet,
} from '#shared/domain/eligibility'
import { POOR, RICH, articles, run, testConfig } from './fixtures'

const shipped = parseEligibilityConfig({ now: '2026-01-01', standards: [], ruleSets: shippedRuleSets }).ruleSets
const withShipped = () => testConfig({ ruleSets: [...shipped] })
const military = (matter: MatterCode, statuses: StatusCode[] = ['military_family'], household: ScreeningInputRaw['household'] = RICH) =>
  run({ matter, person: { age: 30, hasFixedIncome: true, statuses }, household }, withShipped())

describe('shipped military_family rule set (军人军属法律援助工作实施办法 structure, to be confirmed by the centre)', () => {
  it.each<MatterCode>(['military_benefits', 'marriage_family', 'other_injury_or_loss', 'rural_land_or_insurance'])(
    'widens the matters (2016 text art. 5): %s is in scope for a military family, with the means test',
    (matter) => {
      const poor = military(matter, ['military_family'], POOR)
      expect(poor.outcome).toBe('eligible')
      expect(poor.meansTest).toBe('passed')
      expect(poor.basis).toContainEqual(expect.objectContaining({ law: '法律援助法', article: 70 }))
      // failed means test: a military family is a possible 优抚对象 (art. 42(2)) → review, never a refusal
      const rich = military(matter)
      expect(rich.meansTest).toBe('failed')
      expect(rich.outcome).toBe('needs_review')
    },
  )

  it('the widened matters are not in scope for civilians (review / refusal as any unlisted matter)', () => {
    const r = run({ matter: 'marriage_family', person: { age: 30, hasFixedIncome: true }, household: RICH }, withShipped())
    expect(r.outcome).toBe('not_eligible')
  })

  it.each<StatusCode>(['conscript_or_cadet', 'military_mission', 'martyr_survivor'])(
    'waives hardship for the listed categories (2016 text art. 7): %s',
    (status) => {
      const r = military('marriage_family', [status])
      expect(r.meansTest).toBe('exempt')
      expect(r.outcome).toBe('eligible')
      expect(r.warnings?.some((w) => w.includes('须由法律援助中心核实确认'))).toBe(true)
      const statutory = military('support_payment', [status])
      expect(statutory.meansTest).toBe('exempt')
    },
  )

  it('an ordinary military family has no hardship waiver from the rule set (only review as 优抚对象)', () => {
    const r = military('support_payment')
    expect(r.meansTest).toBe('failed')
    expect(r.outcome).toBe('needs_review')
  })

  it('cites only verifiable articles and says it needs the centre\'s confirmation', () => {
    const r = military('support_payment')
    expect(r.basis).toContainEqual(expect.objectContaining({ law: '军人地位和权益保障法', article: 61, statuteId: 'L34f335e758-a0061' }))
    expect(r.basis).toContainEqual(expect.objectContaining({ law: '法律援助法', article: 70, statuteId: 'L67a404eb29-a0070' }))
    expect(r.warnings?.some((w) => w.includes('待法律援助中心确认') && w.includes('须由法律援助中心核实确认'))).toBe(true)
    expect(r.explanation).toContain('优先提供')
  })

  it('does not apply to people without the status', () => {
    const r = run({ matter: 'support_payment', person: { age: 30, hasFixedIncome: true }, household: RICH }, withShipped())
    expect(r.meansTest).toBe('failed')
    expect(r.outcome).toBe('not_eligible')
    expect(r.warnings ?? []).not.toContainEqual(expect.stringContaining('待法律援助中心确认'))
  })

  it('is recorded in ruleVersion', () => {
    expect(military('support_payment').ruleVersion).toBe('engine-2026.12;std-fx-xingqing-urban-2026;rs-military_family-2,veteran-2,local-1')
  })
})

describe('shipped veteran rule set', () => {
  it('gives priority (退役军人保障法第七十条) and no invented exemption; a failed means test is reviewed as a possible 优抚对象', () => {
    const r = run({ matter: 'pension_compensation', person: { age: 50, hasFixedIncome: true, statuses: ['veteran'] }, household: RICH }, withShipped())
    expect(r.meansTest).toBe('failed')
    expect(r.outcome).toBe('needs_review')
    expect(r.basis).toContainEqual(expect.objectContaining({ law: '退役军人保障法', article: 70, statuteId: 'L7686427bba-a0070' }))
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
    expect(poor.ruleVersion).toBe('engine-2026.12;std-fx-xingqing-urban-2026;rs-local-7')
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
      expect(set?.note).toContain('法律援助中心')
    }
    expect(shipped.find((s) => s.id === 'military_family')?.source).toContain('军人军属法律援助工作实施办法')
  })
})
