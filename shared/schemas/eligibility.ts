/**
 * 法律援助资格测评（eligibility screening）的输入 schema。
 *
 * One schema, two users: the questionnaire (browser preview) and the server route that records a
 * screening both parse with `screeningInput`. Missing facts are allowed (almost every field is
 * optional: the engine answers `needs_review` and lists what is missing); wrong values are refused
 * with a Simplified Chinese message per field. Unknown keys are refused (`strictObject`).
 *
 * Framework-free: zod only, relative imports only.
 */
import { COUNTY_CODES, COUNTY_NAMES, type CountyCode } from '../domain/platform/counties'
import { z } from 'zod'

// ---------------------------------------------------------------------------------------------
// Code lists (as const) and their Chinese labels for the questionnaire UI
// ---------------------------------------------------------------------------------------------

export const proceedingCodes = ['civil', 'administrative', 'criminal'] as const
export type ProceedingCode = (typeof proceedingCodes)[number]

export const matterCodes = [
  'state_compensation',
  'social_insurance_or_assistance',
  'pension_compensation',
  'support_payment',
  'labor_relationship',
  'labor_remuneration',
  'civil_capacity',
  'work_injury',
  'traffic_accident_injury',
  'food_drug_injury',
  'medical_accident_injury',
  'environmental_damage',
  'hero_martyr_rights',
  'good_samaritan',
  'wrongful_conviction_compensation',
  'abuse_or_domestic_violence',
  'criminal_defense',
  'criminal_victim',
  // Matters that the 军人军属法律援助工作实施办法 (art. 5 of the 2016 text) adds for 军人军属; for
  // anyone else they are matters the Legal Aid Law does not list (arts. 31(9), 32(5): centre review).
  'military_benefits',
  'marriage_family',
  'other_injury_or_loss',
  'rural_land_or_insurance',
  'other',
] as const
export type MatterCode = (typeof matterCodes)[number]

export const disabilityCodes = [
  'none',
  'visual',
  'hearing',
  'speech',
  'physical',
  'intellectual',
  'mental',
  'multiple',
] as const
export type DisabilityCode = (typeof disabilityCodes)[number]

export const statusCodes = [
  'dibao',
  'tekun',
  'social_assistance',
  'judicial_assistance',
  'youfu',
  'migrant_worker',
  'military_family',
  // 军人军属法律援助工作实施办法 (2016) art. 7: categories who need no proof of economic hardship.
  'conscript_or_cadet',
  'military_mission',
  'martyr_survivor',
  'veteran',
  'single_mother_hardship',
  'left_behind',
] as const
export type StatusCode = (typeof statusCodes)[number]

/** Yinchuan's county-level divisions: the platform's one list (shared/domain/platform/counties.ts). */
export const countyCodes = COUNTY_CODES
export type { CountyCode }

export const residenceCodes = ['urban', 'rural'] as const
export type ResidenceCode = (typeof residenceCodes)[number]

/** 在刑事案件中的身份（第二十四条、第二十五条、第二十九条）。 */
export const criminalRoleCodes = [
  'suspect_or_defendant',
  'victim',
  'private_prosecutor',
  'incidental_civil_plaintiff',
] as const
export type CriminalRoleCode = (typeof criminalRoleCodes)[number]

/** 谁在提出申请（第二十四条、第二十九条、第四十条）。 */
export const applicantRelationCodes = ['self', 'legal_representative', 'close_relative'] as const
export type ApplicantRelationCode = (typeof applicantRelationCodes)[number]

export const proceedingLabels: Record<ProceedingCode, string> = {
  civil: '民事',
  administrative: '行政',
  criminal: '刑事',
}

export const matterLabels: Record<MatterCode, string> = {
  state_compensation: '依法请求国家赔偿',
  social_insurance_or_assistance: '请求给予社会保险待遇或者社会救助',
  pension_compensation: '请求发给抚恤金',
  support_payment: '请求给付赡养费、抚养费、扶养费',
  labor_relationship: '请求确认劳动关系',
  labor_remuneration: '请求支付劳动报酬（讨薪）',
  civil_capacity: '请求认定公民无民事行为能力或者限制民事行为能力',
  work_injury: '请求工伤事故人身损害赔偿',
  traffic_accident_injury: '请求交通事故人身损害赔偿',
  food_drug_injury: '请求食品药品安全事故人身损害赔偿',
  medical_accident_injury: '请求医疗事故人身损害赔偿',
  environmental_damage: '请求环境污染、生态破坏损害赔偿',
  hero_martyr_rights: '英雄烈士近亲属维护英雄烈士的人格权益',
  good_samaritan: '因见义勇为行为主张相关民事权益',
  wrongful_conviction_compensation: '再审改判无罪请求国家赔偿',
  abuse_or_domestic_violence: '遭受虐待、遗弃或者家庭暴力主张相关权益',
  criminal_defense: '刑事案件犯罪嫌疑人、被告人需要辩护',
  criminal_victim: '刑事案件被害人、自诉人、附带民事诉讼原告人需要代理',
  military_benefits: '请求给予优抚待遇',
  marriage_family: '婚姻家庭纠纷（如离婚、分割财产）',
  other_injury_or_loss: '其他人身伤害或者财产损失请求赔偿',
  rural_land_or_insurance: '农资产品质量、土地承包、宅基地纠纷或者保险赔付',
  other: '其他事项',
}

export const disabilityLabels: Record<DisabilityCode, string> = {
  none: '无残疾',
  visual: '视力残疾',
  hearing: '听力残疾',
  speech: '言语残疾',
  physical: '肢体残疾',
  intellectual: '智力残疾',
  mental: '精神残疾',
  multiple: '多重残疾',
}

export const statusLabels: Record<StatusCode, string> = {
  dibao: '最低生活保障对象（低保）',
  tekun: '特困人员',
  social_assistance: '其他社会救助对象',
  judicial_assistance: '司法救助对象',
  youfu: '优抚对象',
  migrant_worker: '进城务工人员（农民工）',
  military_family: '现役军人或军人家属（军属）',
  conscript_or_cadet: '义务兵、供给制学员或其家属',
  military_mission: '执行作战、重大非战争军事行动任务的军人或其家属',
  martyr_survivor: '烈士、因公牺牲军人、病故军人的遗属',
  veteran: '退役军人',
  single_mother_hardship: '单亲困难母亲',
  left_behind: '留守妇女、留守儿童',
}

export const countyLabels: Record<CountyCode, string> = COUNTY_NAMES

export const residenceLabels: Record<ResidenceCode, string> = {
  urban: '城镇居民',
  rural: '农村居民',
}

export const criminalRoleLabels: Record<CriminalRoleCode, string> = {
  suspect_or_defendant: '犯罪嫌疑人、被告人',
  victim: '公诉案件被害人',
  private_prosecutor: '自诉案件自诉人',
  incidental_civil_plaintiff: '附带民事诉讼原告人',
}

export const applicantRelationLabels: Record<ApplicantRelationCode, string> = {
  self: '本人申请',
  legal_representative: '法定代理人代为申请',
  close_relative: '近亲属代为申请',
}

// ---------------------------------------------------------------------------------------------
// Field schemas with Chinese messages
// ---------------------------------------------------------------------------------------------

const MAX_MONTHLY_INCOME = 100_000_000
const MAX_HOUSEHOLD_SIZE = 50
const MAX_DAYS_TO_DEADLINE = 36_500

function codeOf<const T extends readonly [string, ...string[]]>(codes: T, what: string) {
  return z.enum(codes, { error: `${what}不在可选范围内` })
}

function flag(what: string) {
  return z.boolean({ error: `${what}必须为“是”或“否”` }).optional()
}

function section<const S extends z.core.$ZodLooseShape>(shape: S, what: string) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `${what}包含不支持的字段` : `${what}格式不正确`,
  })
}

const personSchema = section(
  {
    age: z
      .number({ error: '年龄必须是数字' })
      .int({ error: '年龄必须是整数' })
      .min(0, { error: '年龄不能小于 0 岁' })
      .max(130, { error: '年龄不能大于 130 岁' })
      .optional(),
    disability: codeOf(disabilityCodes, '残疾类别').optional(),
    cannotFullyUnderstandConduct: flag('是否不能完全辨认自己行为'),
    hasFixedIncome: flag('是否有固定生活来源'),
    heroMartyrCloseRelative: flag('是否为英雄烈士近亲属'),
    statuses: z
      .array(codeOf(statusCodes, '身份类别'), { error: '身份类别必须是列表' })
      .max(statusCodes.length * 2, { error: '身份类别数量过多' })
      .transform((list) => [...new Set(list)])
      .optional(),
  },
  '个人情况',
)

const householdSchema = section(
  {
    size: z
      .number({ error: '家庭人口数必须是数字' })
      .int({ error: '家庭人口数必须是整数' })
      .min(1, { error: '家庭人口数至少为 1 人' })
      .max(MAX_HOUSEHOLD_SIZE, { error: `家庭人口数不能超过 ${MAX_HOUSEHOLD_SIZE} 人` })
      .optional(),
    monthlyIncome: z
      .number({ error: '家庭月收入必须是数字' })
      .min(0, { error: '家庭月收入不能为负数' })
      .max(MAX_MONTHLY_INCOME, { error: '家庭月收入数额过大，请核对' })
      .optional(),
    county: codeOf(countyCodes, '所在县（市、区）').optional(),
    residence: codeOf(residenceCodes, '城乡类别').optional(),
  },
  '家庭情况',
)

const criminalSchema = section(
  {
    role: codeOf(criminalRoleCodes, '在刑事案件中的身份').optional(),
    hasDefender: flag('是否已委托辩护人或诉讼代理人'),
    possibleLifeOrDeath: flag('是否可能被判处无期徒刑、死刑'),
    deathPenaltyReview: flag('是否为死刑复核案件被告人'),
    inAbsentia: flag('是否为缺席审判案件被告人'),
    compulsoryMedical: flag('是否为强制医疗案件的被申请人或被告人'),
  },
  '刑事案件情况',
)

const urgencySchema = section(
  {
    needsAssetPreservation: flag('是否需要立即申请财产保全'),
    needsEvidencePreservation: flag('是否需要立即申请证据保全'),
    needsAdvanceExecution: flag('是否需要立即申请先予执行'),
  },
  '紧急情况',
)

const DEFENSE_FLAGS = ['possibleLifeOrDeath', 'deathPenaltyReview', 'inAbsentia'] as const
const VICTIM_ROLES: readonly CriminalRoleCode[] = ['victim', 'private_prosecutor', 'incidental_civil_plaintiff']

export const screeningInput = section(
  {
    proceeding: codeOf(proceedingCodes, '案件类型').optional(),
    matter: codeOf(matterCodes, '申请事项').optional(),
    applicantRelation: codeOf(applicantRelationCodes, '申请人身份').optional(),
    /** 第三十三条：法院决定或裁定再审，或检察院提出抗诉。 */
    retrialOrdered: flag('是否已决定再审或已提出抗诉'),
    person: personSchema.optional(),
    household: householdSchema.optional(),
    criminal: criminalSchema.optional(),
    urgency: urgencySchema.optional(),
    daysToDeadline: z
      .number({ error: '距期限届满天数必须是数字' })
      .int({ error: '距期限届满天数必须是整数' })
      .min(0, { error: '距期限届满天数不能为负数' })
      .max(MAX_DAYS_TO_DEADLINE, { error: '距期限届满天数过大，请核对' })
      .optional(),
  },
  '测评信息',
).superRefine((input, ctx) => {
  const criminalMatter = input.matter === 'criminal_defense' || input.matter === 'criminal_victim'
  if (criminalMatter && input.proceeding !== undefined && input.proceeding !== 'criminal') {
    ctx.addIssue({
      code: 'custom',
      path: ['proceeding'],
      message: '刑事辩护或刑事被害人代理事项，案件类型应为“刑事”',
    })
  }
  if (input.criminal !== undefined && input.proceeding !== undefined && input.proceeding !== 'criminal') {
    ctx.addIssue({
      code: 'custom',
      path: ['criminal'],
      message: '只有刑事案件才填写刑事案件情况',
    })
  }
  const role = input.criminal?.role
  if (input.matter === 'criminal_defense' && role !== undefined && role !== 'suspect_or_defendant') {
    ctx.addIssue({
      code: 'custom',
      path: ['criminal', 'role'],
      message: '申请刑事辩护的，身份应为犯罪嫌疑人、被告人',
    })
  }
  if (input.matter === 'criminal_victim' && role === 'suspect_or_defendant') {
    ctx.addIssue({
      code: 'custom',
      path: ['criminal', 'role'],
      message: '被害人代理事项的身份不能是犯罪嫌疑人、被告人',
    })
  }
  const victimSide = input.matter === 'criminal_victim' || (role !== undefined && VICTIM_ROLES.includes(role))
  if (victimSide) {
    for (const key of DEFENSE_FLAGS) {
      if (input.criminal?.[key] === true) {
        ctx.addIssue({
          code: 'custom',
          path: ['criminal', key],
          message: '该项只适用于犯罪嫌疑人、被告人',
        })
      }
    }
  }
})

export type ScreeningInput = z.output<typeof screeningInput>
/** What a form or a request body may send before parsing. */
export type ScreeningInputRaw = z.input<typeof screeningInput>
