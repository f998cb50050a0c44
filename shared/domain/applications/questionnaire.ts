/**
 * The public questionnaire's flow: EXEMPTION FIRST. The matter and the person's status come first;
 * age, disability and fixed income only if no exemption applies yet; household place and income
 * only if the means test still cannot be decided. A 低保 holder or a migrant worker owed wages is
 * never asked about income. Pure: the page runs it on every answer with the shared engine.
 */
import { screen, parseEligibilityConfig, type EligibilityConfig } from '../eligibility'
import type {
  CountyCode, DisabilityCode, MatterCode, ResidenceCode, ScreeningInputRaw, StatusCode,
} from '../../schemas/eligibility'
import { screeningInput } from '../../schemas/eligibility'

export type AgeGroup = 'minor' | 'adult' | 'elderly'
/** Representative ages for the engine, which only compares against 18 and 60. */
export const AGE_OF_GROUP: Record<AgeGroup, number> = { minor: 17, adult: 30, elderly: 60 }
export const ageGroupLabels: Record<AgeGroup, string> = { minor: '不满 18 周岁', adult: '18 至 59 周岁', elderly: '60 周岁及以上' }

export interface Answers {
  matter?: MatterCode
  /** true once the status question was answered (possibly with "none of these") */
  statusesAnswered?: boolean
  statuses: StatusCode[]
  hasDefender?: boolean
  ageGroup?: AgeGroup
  disability?: DisabilityCode
  hasFixedIncome?: boolean
  county?: CountyCode
  residence?: ResidenceCode
  householdSize?: number
  monthlyIncome?: number
  urgentDeadline?: boolean
  needsPreservation?: boolean
}

export const emptyAnswers = (): Answers => ({ statuses: [] })

export type StepId = 'matter' | 'status' | 'criminal' | 'age' | 'disability' | 'fixedIncome' | 'place' | 'income' | 'urgency'

export const isCriminalMatter = (m: MatterCode | undefined) => m === 'criminal_defense' || m === 'criminal_victim'

/** The engine input for the answers given so far (unanswered questions are left out). */
export function toScreeningInput(a: Answers): ScreeningInputRaw {
  const input: ScreeningInputRaw = {}
  if (a.matter) input.matter = a.matter
  const person: NonNullable<ScreeningInputRaw['person']> = {}
  if (a.statuses.length) person.statuses = [...a.statuses]
  if (a.ageGroup) person.age = AGE_OF_GROUP[a.ageGroup]
  if (a.disability) person.disability = a.disability
  if (a.hasFixedIncome !== undefined) person.hasFixedIncome = a.hasFixedIncome
  if (Object.keys(person).length) input.person = person
  if (isCriminalMatter(a.matter)) {
    input.proceeding = 'criminal'
    if (a.hasDefender !== undefined) input.criminal = { hasDefender: a.hasDefender }
  } else {
    const household: NonNullable<ScreeningInputRaw['household']> = {}
    if (a.county) household.county = a.county
    if (a.residence) household.residence = a.residence
    if (a.householdSize !== undefined) household.size = a.householdSize
    if (a.monthlyIncome !== undefined) household.monthlyIncome = a.monthlyIncome
    if (Object.keys(household).length) input.household = household
    if (a.urgentDeadline) input.daysToDeadline = 3
    if (a.needsPreservation) input.urgency = { needsAssetPreservation: true, needsEvidencePreservation: true }
  }
  return input
}

/** Preview config: the rule sets, no money figures (the server decides the means test). */
export function previewConfig(ruleSets: unknown, now = new Date()): EligibilityConfig {
  return parseEligibilityConfig({ now, standards: [], ruleSets })
}

function meansUnknown(a: Answers, cfg: EligibilityConfig): boolean {
  const parsed = screeningInput.safeParse(toScreeningInput(a))
  if (!parsed.success) return true
  return screen(parsed.data, cfg).meansTest === 'unknown'
}

/** The questions to ask, in order, given the answers so far. */
export function stepsFor(a: Answers, cfg: EligibilityConfig): StepId[] {
  const steps: StepId[] = ['matter', 'status']
  if (!a.matter || !a.statusesAnswered) return steps
  const criminal = isCriminalMatter(a.matter)
  if (criminal) steps.push('criminal')
  const afterStatus: Answers = { ...a, ageGroup: undefined, disability: undefined, hasFixedIncome: undefined, county: undefined, residence: undefined, householdSize: undefined, monthlyIncome: undefined }
  if (meansUnknown(afterStatus, cfg)) {
    steps.push('age', 'disability')
    const special = a.ageGroup === 'minor' || a.ageGroup === 'elderly' || (a.disability !== undefined && a.disability !== 'none')
    if (special && !criminal) steps.push('fixedIncome')
    const afterPerson: Answers = { ...a, county: undefined, residence: undefined, householdSize: undefined, monthlyIncome: undefined }
    if (meansUnknown(afterPerson, cfg)) steps.push('place', 'income')
  }
  if (!criminal) steps.push('urgency')
  return steps
}

/** Whether a step has its answer (the page enables "下一步" on it). */
export function isAnswered(step: StepId, a: Answers): boolean {
  switch (step) {
    case 'matter': return a.matter !== undefined
    case 'status': return a.statusesAnswered === true
    case 'criminal': return a.hasDefender !== undefined
    case 'age': return a.ageGroup !== undefined
    case 'disability': return a.disability !== undefined
    case 'fixedIncome': return a.hasFixedIncome !== undefined
    case 'place': return a.county !== undefined && a.residence !== undefined
    case 'income': return a.householdSize !== undefined && a.monthlyIncome !== undefined
    case 'urgency': return a.urgentDeadline !== undefined && a.needsPreservation !== undefined
  }
}

/** 以案释法 category of the case library for a matter (GET /api/search?category=). */
export const matterCaseCategory: Record<MatterCode, string> = {
  state_compensation: '行政争议',
  social_insurance_or_assistance: '社会保险',
  pension_compensation: '军人军属权益',
  support_payment: '婚姻家庭',
  labor_remuneration: '劳动争议',
  civil_capacity: '残疾人权益',
  work_injury: '工伤',
  traffic_accident_injury: '交通事故',
  food_drug_injury: '消费者权益',
  medical_accident_injury: '医疗纠纷',
  environmental_damage: '人身损害',
  hero_martyr_rights: '法律援助',
  good_samaritan: '人身损害',
  wrongful_conviction_compensation: '刑事辩护',
  abuse_or_domestic_violence: '家庭暴力',
  criminal_defense: '刑事辩护',
  criminal_victim: '刑事辩护',
  other: '法律援助',
}
