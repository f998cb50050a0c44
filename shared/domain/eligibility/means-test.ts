/**
 * 经济困难审查: 第四十二条 exemptions, rule-set exemptions, then the hardship comparison against
 * the 低保-based standard in force (第三十四条), verifiable by 个人诚信承诺 (第四十一条).
 */
import type { StatusCode } from '../../schemas/eligibility'
import { countyLabels, residenceLabels, statusLabels } from '../../schemas/eligibility'
import type { LegalBasisDto, MeansTestResult } from '../../types/eligibility'
import { MILITARY_PENSION_REG_ART_2, laa } from './citations'
import type { DibaoStandard } from './config'
import { ELDERLY_AGE, isDisabled, isMinor, type Facts } from './facts'
import type { RuleHit } from './rulesets'
import { DEMO_STANDARDS_WARNING, compareHardship, formatYuan, isDemoStandard, selectStandard } from './standards'

/** 第四十二条第（二）项: 社会救助、司法救助或者优抚对象. */
export const ASSISTANCE_STATUSES: readonly StatusCode[] = [
  'dibao',
  'tekun',
  'social_assistance',
  'judicial_assistance',
  'youfu',
]

/**
 * 军人抚恤优待条例 (2024) 第二条 lists 军人, 残疾军人, 烈士/因公牺牲/病故军人遗属, 军人家属 and 退役军人 as
 * 抚恤优待对象. Whether the centre treats them as 优抚对象 under 第四十二条第（二）项 is for the centre to
 * confirm: until it does, a failed or open means test for them goes to review, never "not eligible".
 */
export const YOUFU_CANDIDATE_STATUSES: readonly StatusCode[] = [
  'military_family',
  'conscript_or_cadet',
  'military_mission',
  'martyr_survivor',
  'veteran',
]

export const YOUFU_QUESTION =
  '是否属于优抚对象：军人抚恤优待条例第二条把军人家属、退役军人等列为抚恤优待对象，是否据此按法律援助法第四十二条第（二）项免予核查经济困难状况，须由法律援助机构确认'

export const YOUFU_SENTENCE =
  '军人抚恤优待条例第二条把军人、残疾军人、烈士和因公牺牲、病故军人的遗属、军人家属、退役军人列为抚恤优待对象；' +
  '法律援助法第四十二条第（二）项规定优抚对象免予核查经济困难状况。法律援助机构确认您属于优抚对象的，不再审查经济困难，所以这个结果需要由法律援助机构审查，请带上身份证明（如优待证、退役证、军属证明）提出申请。'

export type Exemption =
  | { kind: 'no_fixed_income'; groups: ('minor' | 'elderly' | 'disabled')[] }
  | { kind: 'assistance'; statuses: StatusCode[] }
  | { kind: 'migrant_worker' }
  | { kind: 'rule'; hit: RuleHit }

export interface MeansOutcome {
  result: Exclude<MeansTestResult, 'not_required'>
  basis: LegalBasisDto[]
  summary: string
  missing: string[]
  /** Facts that could still exempt the person if the comparison failed or could not be made. */
  openQuestions: string[]
  exemptions: Exemption[]
  standard?: DibaoStandard
  warnings: string[]
}

export const MISSING = {
  income: '家庭月收入（全家每月收入合计，单位：元）',
  size: '家庭人口数',
  county: '户籍或经常居住地所在县（市、区）',
  residence: '城镇居民或农村居民',
  fixedIncome: '是否有固定生活来源（无固定生活来源的未成年人、老年人、残疾人免予核查经济困难状况）',
  ageOrDisability: '年龄或残疾情况（无固定生活来源的未成年人、老年人、残疾人免予核查经济困难状况）',
} as const

function specialGroups(facts: Facts): ('minor' | 'elderly' | 'disabled')[] {
  const groups: ('minor' | 'elderly' | 'disabled')[] = []
  if (isMinor(facts)) groups.push('minor')
  if (facts.age !== undefined && facts.age >= ELDERLY_AGE) groups.push('elderly')
  if (isDisabled(facts)) groups.push('disabled')
  return groups
}

const GROUP_LABELS = { minor: '未成年人', elderly: '老年人', disabled: '残疾人' } as const

/** Statutory (第四十二条) and configured exemptions that apply to an in-scope matter. */
export function findExemptions(facts: Facts, hits: readonly RuleHit[]): Exemption[] {
  const exemptions: Exemption[] = []
  const groups = specialGroups(facts)
  if (facts.hasFixedIncome === false && groups.length > 0) exemptions.push({ kind: 'no_fixed_income', groups })
  const assistance = ASSISTANCE_STATUSES.filter((s) => facts.statuses.includes(s))
  if (assistance.length > 0) exemptions.push({ kind: 'assistance', statuses: assistance })
  if (
    facts.statuses.includes('migrant_worker') &&
    (facts.matter === 'labor_remuneration' || facts.matter === 'work_injury')
  ) {
    exemptions.push({ kind: 'migrant_worker' })
  }
  for (const hit of hits) if (hit.rule.effect.type === 'exemptMeansTest') exemptions.push({ kind: 'rule', hit })
  return exemptions
}

function exemptionBasis(exemption: Exemption): LegalBasisDto[] {
  switch (exemption.kind) {
    case 'no_fixed_income':
      return [
        laa(42, {
          item: 1,
          note: `无固定生活来源的${exemption.groups.map((g) => GROUP_LABELS[g]).join('、')}`,
        }),
      ]
    case 'assistance':
      return [
        laa(42, { item: 2, note: exemption.statuses.map((s) => statusLabels[s]).join('、') }),
      ]
    case 'migrant_worker':
      return [laa(42, { item: 3, note: '申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员' })]
    case 'rule':
      return exemption.hit.rule.basis
  }
}

function exemptionSummary(exemptions: readonly Exemption[]): string {
  const statutory = exemptions.filter((e) => e.kind !== 'rule')
  const configured = exemptions.flatMap((e) => (e.kind === 'rule' ? [e.hit.rule.note] : []))
  const parts: string[] = []
  if (statutory.length > 0) {
    parts.push(`您属于${statutory.map(exemptionSentence).join('；')}，提交相应证明材料后免予核查经济困难状况。`)
  }
  return [...parts, ...configured].join('')
}

function exemptionSentence(exemption: Exclude<Exemption, { kind: 'rule' }>): string {
  switch (exemption.kind) {
    case 'no_fixed_income':
      return `无固定生活来源的${exemption.groups.map((g) => GROUP_LABELS[g]).join('、')}（第四十二条第（一）项）`
    case 'assistance':
      return `${exemption.statuses.map((s) => statusLabels[s]).join('、')}（第四十二条第（二）项）`
    case 'migrant_worker':
      return '申请支付劳动报酬或者工伤赔偿的进城务工人员（第四十二条第（三）项）'
  }
}

export function isYoufuCandidate(facts: Pick<Facts, 'statuses'>): boolean {
  return facts.statuses.some((s) => YOUFU_CANDIDATE_STATUSES.includes(s))
}

/** Facts that, if known, could exempt the person (asked only when the answer would be negative). */
function possibleExemptions(facts: Facts): string[] {
  const open: string[] = []
  const groups = specialGroups(facts)
  if (facts.hasFixedIncome === undefined && groups.length > 0) open.push(MISSING.fixedIncome)
  else if (facts.hasFixedIncome === false && groups.length === 0 && (facts.age === undefined || facts.disability === undefined)) {
    open.push(MISSING.ageOrDisability)
  }
  if (isYoufuCandidate(facts)) open.push(YOUFU_QUESTION)
  return open
}

const youfuBasis = (facts: Facts): LegalBasisDto[] =>
  isYoufuCandidate(facts) ? [laa(42, { item: 2, note: '优抚对象（须由法律援助机构确认）' }), MILITARY_PENSION_REG_ART_2] : []
const youfuSentence = (facts: Facts): string => (isYoufuCandidate(facts) ? YOUFU_SENTENCE : '')

export function runMeansTest(
  facts: Facts,
  standards: readonly DibaoStandard[],
  date: string,
  hits: readonly RuleHit[],
): MeansOutcome {
  const exemptions = findExemptions(facts, hits)
  if (exemptions.length > 0) {
    return {
      result: 'exempt',
      basis: exemptions.flatMap(exemptionBasis),
      summary: exemptionSummary(exemptions),
      missing: [],
      openQuestions: [],
      exemptions,
      warnings: [],
    }
  }

  const pledge = laa(41, { paragraph: 2, note: '经济困难状况可以通过信息共享查询，或者由申请人进行个人诚信承诺' })
  const h = facts.household
  const missing: string[] = []
  if (h.monthlyIncome === undefined) missing.push(MISSING.income)
  if (h.size === undefined) missing.push(MISSING.size)
  if (h.county === undefined) missing.push(MISSING.county)
  if (h.residence === undefined) missing.push(MISSING.residence)
  const openQuestions = possibleExemptions(facts)

  if (h.monthlyIncome === undefined || h.size === undefined || h.county === undefined || h.residence === undefined) {
    return {
      result: 'unknown',
      basis: [pledge, ...youfuBasis(facts)],
      summary:
        '还缺少判断经济困难所需的信息。如实说明家庭收入后，可以提交经济困难证明材料，也可以签署个人诚信承诺书代替（第四十一条）。' +
        youfuSentence(facts),
      missing,
      openQuestions,
      exemptions: [],
      warnings: [],
    }
  }

  const standard = selectStandard(standards, h.county, h.residence, date)
  const place = `${countyLabels[h.county]}${residenceLabels[h.residence]}`
  if (standard === undefined) {
    return {
      result: 'unknown',
      basis: [pledge, ...youfuBasis(facts)],
      summary: `系统中没有${place}在 ${date} 有效的最低生活保障标准，经济困难状况需要由工作人员核实。${youfuSentence(facts)}`,
      missing: [],
      openQuestions,
      exemptions: [],
      warnings: [`未找到${place}在 ${date} 有效的低保标准版本，请管理员补充。`],
    }
  }

  const cmp = compareHardship(h.monthlyIncome, h.size, standard)
  const comparison =
    `家庭月收入 ${formatYuan(cmp.incomeFen)} 元 ÷ ${cmp.size} 人 = 人均 ${(cmp.perCapitaFen / 100).toFixed(2)} 元，` +
    `${cmp.passed ? '不高于' : '高于'}${place}经济困难标准 ${formatYuan(cmp.thresholdFen)} 元` +
    `（低保标准 ${standard.dibaoMonthly} 元 × ${standard.multiplier}，标准版本 ${standard.id}，自 ${standard.effectiveFrom} 起执行）`
  const art34 = laa(34, {
    note: `经济困难标准由省级人民政府确定；本测评按当地最低生活保障标准的 ${standard.multiplier} 倍计算`,
  })
  const warnings = isDemoStandard(standard) ? [DEMO_STANDARDS_WARNING] : []
  if (cmp.passed) {
    return {
      result: 'passed',
      basis: [art34, pledge],
      summary: `${comparison}，符合经济困难条件。可以提交经济困难证明材料，也可以签署个人诚信承诺书（第四十一条）。`,
      missing: [],
      openQuestions: [],
      exemptions: [],
      standard,
      warnings,
    }
  }
  return {
    result: 'failed',
    basis: [art34, ...youfuBasis(facts)],
    summary: `${comparison}，按您提供的数字不符合经济困难条件。${youfuSentence(facts)}`,
    missing: [],
    openQuestions,
    exemptions: [],
    standard,
    warnings,
  }
}
