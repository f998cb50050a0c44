/**
 * 法律援助资格测评结果（DTO）。The same shape is produced by the browser preview and by the
 * server when it records a screening; it carries no personal data beyond the numbers the person
 * gave (income, household size) and the codes they chose.
 */
import type { CountyCode, ResidenceCode } from '../schemas/eligibility'

export type ScreeningOutcome = 'eligible' | 'not_eligible' | 'needs_review'

/**
 * - `passed`: household income per capita ≤ threshold (经济困难)
 * - `failed`: above the threshold
 * - `exempt`: 免予核查经济困难状况 (法律援助法第四十二条, or a configured rule set)
 * - `not_required`: no economic condition at all (第二十五条、第二十八条、第三十二条)
 * - `unknown`: facts missing to decide
 */
export type MeansTestResult = 'passed' | 'failed' | 'exempt' | 'not_required' | 'unknown'

export interface LegalBasisDto {
  /** 法律简称, e.g. "法律援助法", "军人地位和权益保障法"; or a policy document title. */
  law: '法律援助法' | (string & {})
  /** 条. Only numbers verified against data/statutes; unverifiable sources go in `note`. */
  article: number
  /** 项 */
  item?: number
  /** 款 (paragraph), when the article has more than one and it matters. */
  paragraph?: number
  /** id in data/statutes, e.g. "L67a404eb29-a0031". */
  statuteId?: string
  note?: string
}

export interface HardshipStandardDto {
  id: string
  county: CountyCode
  residence: ResidenceCode
  /** 最低生活保障标准（元/月） */
  dibaoMonthly: number
  multiplier: number
  /** 经济困难标准 = multiplier × dibaoMonthly（元/人/月） */
  thresholdMonthly: number
  effectiveFrom: string
  source: string
}

export interface ScreeningResultDto {
  outcome: ScreeningOutcome
  meansTest: MeansTestResult
  /** 第二十五条第一款、第二十八条：由办案机关通知指派，无需申请。 */
  mandatoryAppointment: boolean
  basis: LegalBasisDto[]
  /** What to bring, plain Chinese. */
  documents: string[]
  /** 第四十四条：可以先行提供法律援助。 */
  urgent: boolean
  /** e.g. "engine-2026.11;std-yc-xingqing-urban-2026;rs-military_family-1,veteran-1,local-1" */
  ruleVersion: string
  /** A few plain Chinese sentences. */
  explanation: string
  /** Facts that are missing to decide, Chinese. */
  missing: string[]
  /** 第二十三条：法律援助机构通过窗口、电话、网络提供法律咨询（对所有人免费）。 */
  consultationOffered: true
  /** 第四十一条：可以用个人诚信承诺代替经济困难证明。 */
  pledgeAllowed: boolean
  /** 所适用的经济困难标准版本 (only when a means test was run). */
  standard?: HardshipStandardDto
  warnings?: string[]
}
