/**
 * The public questionnaire: which steps exist, when each is asked, their texts and options
 * (STEP_DEFINITIONS), and the engine input built from the answers (toScreeningInput).
 *
 * Civil matters go EXEMPTION FIRST. The matter and the person's status come first;
 * age, disability and fixed income only if no exemption applies yet; household place and income
 * only if the means test still cannot be decided. A 低保 holder or a migrant worker owed wages is
 * never asked about income. Pure: the page runs it on every answer with the shared engine.
 */
import { screen, parseEligibilityConfig, type EligibilityConfig } from '../eligibility'
import type {
  CountyCode, DisabilityCode, MatterCode, ResidenceCode, ScreeningInputRaw, StatusCode,
} from '../../schemas/eligibility'
import {
  countyCodes, countyLabels, disabilityCodes, disabilityLabels, matterCodes, matterLabels, residenceCodes, residenceLabels,
  screeningInput, statusLabels,
} from '../../schemas/eligibility'

export type AgeGroup = 'minor' | 'adult' | 'elderly'
/** Representative ages for the engine, which only compares against 18 and 60. */
export const AGE_OF_GROUP: Record<AgeGroup, number> = { minor: 17, adult: 30, elderly: 60 }
export const ageGroupLabels: Record<AgeGroup, string> = { minor: '不满 18 周岁', adult: '18 至 59 周岁', elderly: '60 周岁及以上' }

/** Who is answering: the person themself, or a family member asking for them (法律援助法第二十四条、第四十条第二款). */
export type Asker = 'self' | 'family'
/** Where a criminal case stands (法律援助法第二十五条第一款第（五）（六）项、第二十八条). */
export type CriminalStage = 'ordinary' | 'death_review' | 'in_absentia' | 'compulsory_medical'
export type YesNoUnsure = 'yes' | 'no' | 'unsure'

export interface Answers {
  matter?: MatterCode
  /** true once the status question was answered (possibly with "none of these") */
  statusesAnswered?: boolean
  statuses: StatusCode[]
  /** true once the military follow-up was answered */
  militaryAnswered?: boolean
  /** 军人军属法律援助工作实施办法 categories (义务兵…, 执行任务…), kept apart from `statuses` so the status step can be changed freely */
  militaryCategories?: StatusCode[]
  asker?: Asker
  hasDefender?: boolean
  stage?: CriminalStage
  /** 可能被判处无期徒刑、死刑 (第二十五条第一款第（四）项) */
  lifeOrDeath?: YesNoUnsure
  /** 能否完全辨认自己的行为: 'no' = cannot fully understand (第二十五条第一款第（三）项) */
  understandsConduct?: YesNoUnsure
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

export type StepId =
  | 'matter' | 'asker' | 'status' | 'military' | 'criminal' | 'stage' | 'charge' | 'age' | 'disability' | 'understanding'
  | 'fixedIncome' | 'place' | 'income' | 'urgency'

export const isCriminalMatter = (m: MatterCode | undefined) => m === 'criminal_defense' || m === 'criminal_victim'

const MILITARY_STATUSES: readonly StatusCode[] = ['military_family']
const hasMilitary = (a: Answers) => a.statuses.some(s => MILITARY_STATUSES.includes(s))

/** The engine input for the answers given so far (unanswered questions are left out). */
export function toScreeningInput(a: Answers): ScreeningInputRaw {
  const input: ScreeningInputRaw = {}
  if (a.matter) input.matter = a.matter
  if (a.asker) input.applicantRelation = a.asker === 'family' ? 'close_relative' : 'self'
  const person: NonNullable<ScreeningInputRaw['person']> = {}
  const statuses = [...new Set([...a.statuses, ...(hasMilitary(a) ? a.militaryCategories ?? [] : [])])]
  if (statuses.length) person.statuses = statuses
  if (a.ageGroup) person.age = AGE_OF_GROUP[a.ageGroup]
  if (a.disability) person.disability = a.disability
  if (a.hasFixedIncome !== undefined) person.hasFixedIncome = a.hasFixedIncome
  if (a.matter === 'criminal_defense' && a.understandsConduct && a.understandsConduct !== 'unsure') {
    person.cannotFullyUnderstandConduct = a.understandsConduct === 'no'
  }
  if (Object.keys(person).length) input.person = person
  // Household answers go to the engine for EVERY matter: criminal ones too (第二十四条、第二十九条 means test).
  const household: NonNullable<ScreeningInputRaw['household']> = {}
  if (a.county) household.county = a.county
  if (a.residence) household.residence = a.residence
  if (a.householdSize !== undefined) household.size = a.householdSize
  if (a.monthlyIncome !== undefined) household.monthlyIncome = a.monthlyIncome
  if (Object.keys(household).length) input.household = household
  if (isCriminalMatter(a.matter)) {
    input.proceeding = 'criminal'
    const criminal: NonNullable<ScreeningInputRaw['criminal']> = {}
    if (a.hasDefender !== undefined) criminal.hasDefender = a.hasDefender
    if (a.matter === 'criminal_defense') {
      if (a.stage === 'death_review') criminal.deathPenaltyReview = true
      if (a.stage === 'in_absentia') criminal.inAbsentia = true
      if (a.stage === 'compulsory_medical') criminal.compulsoryMedical = true
      if (a.lifeOrDeath === 'yes' && a.stage !== 'death_review') criminal.possibleLifeOrDeath = true
    }
    if (Object.keys(criminal).length) input.criminal = criminal
  } else {
    if (a.urgentDeadline) input.daysToDeadline = 3
    if (a.needsPreservation) input.urgency = { needsAssetPreservation: true, needsEvidencePreservation: true }
  }
  return input
}

/** Preview config: the rule sets, no money figures (the server decides the means test). */
export function previewConfig(ruleSets: unknown, now = new Date()): EligibilityConfig {
  return parseEligibilityConfig({ now, standards: [], ruleSets })
}

function preview(a: Answers, cfg: EligibilityConfig) {
  const parsed = screeningInput.safeParse(toScreeningInput(a))
  return parsed.success ? screen(parsed.data, cfg) : undefined
}

function meansUnknown(a: Answers, cfg: EligibilityConfig): boolean {
  const r = preview(a, cfg)
  return r === undefined || r.meansTest === 'unknown'
}

/** The answer is settled without a means test (通知指派, death-penalty review, already has a lawyer …). */
function settledWithoutMeans(a: Answers, cfg: EligibilityConfig): boolean {
  const r = preview(a, cfg)
  return r !== undefined && (r.mandatoryAppointment || (r.meansTest === 'not_required' && r.outcome !== 'needs_review'))
}

const NO_PERSON: Partial<Answers> = { ageGroup: undefined, disability: undefined, hasFixedIncome: undefined, understandsConduct: undefined }
const NO_HOUSEHOLD: Partial<Answers> = { county: undefined, residence: undefined, householdSize: undefined, monthlyIncome: undefined }

/** The questions to ask, in order, given the answers so far. */
export function stepsFor(a: Answers, cfg: EligibilityConfig): StepId[] {
  if (a.matter === 'criminal_defense') return defenceSteps(a, cfg)
  const criminal = isCriminalMatter(a.matter)
  const steps: StepId[] = criminal ? ['matter', 'asker', 'criminal', 'status'] : ['matter', 'status']
  if (!a.matter) return ['matter', 'status']
  if (criminal && (a.asker === undefined || a.hasDefender === undefined)) return steps
  if (criminal && a.hasDefender === true) return ['matter', 'asker', 'criminal']
  if (!a.statusesAnswered) return steps
  if (hasMilitary(a)) steps.push('military')
  meansSteps(a, cfg, steps)
  if (!criminal) steps.push('urgency')
  return steps
}

/** Age, disability, fixed income, then place and income — only while the means test is still open. */
function meansSteps(a: Answers, cfg: EligibilityConfig, steps: StepId[]): void {
  if (!meansUnknown({ ...a, ...NO_PERSON, ...NO_HOUSEHOLD }, cfg)) return
  if (!steps.includes('age')) steps.push('age')
  if (!steps.includes('disability')) steps.push('disability')
  const special = a.ageGroup === 'minor' || a.ageGroup === 'elderly' || (a.disability !== undefined && a.disability !== 'none')
  if (special) steps.push('fixedIncome')
  if (meansUnknown({ ...a, ...NO_HOUSEHOLD }, cfg)) steps.push('place', 'income')
}

/**
 * A suspect or defendant (asked plainly, also of a family member asking for them): first the grounds
 * on which a lawyer MUST be appointed without application or means test (第二十五条第一款、第二十八条),
 * stopping as soon as one is found; then the means test of 第二十四条.
 */
function defenceSteps(a: Answers, cfg: EligibilityConfig): StepId[] {
  const steps: StepId[] = ['matter', 'asker', 'criminal']
  if (a.asker === undefined || a.hasDefender === undefined || a.hasDefender) return steps
  // Each "settled?" check reads only the answers of the steps asked so far, so an answer to a later
  // question (kept when the person goes back) never hides an earlier one.
  const sofar: Answers = { statuses: [], matter: a.matter, asker: a.asker, hasDefender: a.hasDefender }
  const settled = () => settledWithoutMeans(sofar, cfg)
  steps.push('stage')
  sofar.stage = a.stage
  if (a.stage === undefined || settled()) return steps
  if (a.stage !== 'death_review') {
    steps.push('charge')
    sofar.lifeOrDeath = a.lifeOrDeath
    if (a.lifeOrDeath === undefined || settled()) return steps
  }
  steps.push('age')
  sofar.ageGroup = a.ageGroup
  if (a.ageGroup === undefined || settled()) return steps
  steps.push('disability')
  sofar.disability = a.disability
  if (a.disability === undefined || settled()) return steps
  if (a.ageGroup !== 'minor') {
    steps.push('understanding')
    sofar.understandsConduct = a.understandsConduct
    if (a.understandsConduct === undefined || settled()) return steps
  }
  steps.push('status')
  if (!a.statusesAnswered) return steps
  if (hasMilitary(a)) steps.push('military')
  meansSteps(a, cfg, steps)
  return steps
}

/** Whether a step has its answer (the page enables "下一步" on it). */
export function isAnswered(step: StepId, a: Answers): boolean {
  switch (step) {
    case 'matter': return a.matter !== undefined
    case 'asker': return a.asker !== undefined
    case 'status': return a.statusesAnswered === true
    case 'military': return a.militaryAnswered === true
    case 'criminal': return a.hasDefender !== undefined
    case 'stage': return a.stage !== undefined
    case 'charge': return a.lifeOrDeath !== undefined
    case 'understanding': return a.understandsConduct !== undefined
    case 'age': return a.ageGroup !== undefined
    case 'disability': return a.disability !== undefined
    case 'fixedIncome': return a.hasFixedIncome !== undefined
    case 'place': return a.county !== undefined && a.residence !== undefined
    case 'income': return a.householdSize !== undefined && a.monthlyIncome !== undefined
    case 'urgency': return a.urgentDeadline !== undefined && a.needsPreservation !== undefined
  }
}

// ---------------------------------------------------------------------------------------------
// Question definitions: the texts, hints and options of every step, for any page that renders
// them (the client questionnaire and the server-rendered no-JavaScript steps alike).
// ---------------------------------------------------------------------------------------------

export interface ChoiceOption<V extends string | boolean = string | boolean> { value: V, label: string, hint?: string }

/** Keys of `Answers` a choice question writes. `statuses`/`militaryCategories` are lists (multiple). */
export type ChoiceKey =
  | 'matter' | 'asker' | 'statuses' | 'militaryCategories' | 'hasDefender' | 'stage' | 'lifeOrDeath' | 'understandsConduct'
  | 'ageGroup' | 'disability' | 'hasFixedIncome' | 'county' | 'residence' | 'urgentDeadline' | 'needsPreservation'

export interface ChoiceQuestion {
  kind: 'choice'
  key: ChoiceKey
  /** the field name in a plain HTML form */
  name: string
  legend: string
  hint?: string
  options: ChoiceOption[]
  multiple?: boolean
  /** Label of the "none of these" option of a multiple question (sets the list to []). */
  noneLabel?: string
}

export interface NumberQuestion {
  kind: 'number'
  key: 'householdSize' | 'monthlyIncome'
  name: string
  label: string
  hint?: string
  inputmode: 'numeric' | 'decimal'
  integer: boolean
  min: number
  max: number
  /** Chinese message when the value is outside the range or not a number */
  message: string
}

export type Question = ChoiceQuestion | NumberQuestion

export interface StepDefinition {
  id: StepId
  title: string
  /** text shown under the title */
  intro?: string
  questions: Question[]
}

const yesNo: ChoiceOption<boolean>[] = [{ value: true, label: '是' }, { value: false, label: '否' }]

const option = <V extends string>(value: V, label: string, hint?: string): ChoiceOption<V> => (hint ? { value, label, hint } : { value, label })

/** Hints on statuses: what each means, and which ones the law exempts from the means test (and which it does not). */
export const statusHints: Partial<Record<StatusCode, string>> = {
  dibao: '已纳入低保的，不用再证明经济困难（法律援助法第四十二条第（二）项）。',
  tekun: '特困供养人员不用再证明经济困难（第四十二条第（二）项）。',
  youfu:
    '优抚对象是享受国家抚恤、优待的人，如残疾军人，烈士、因公牺牲军人、病故军人的遗属，军人家属，退役军人（军人抚恤优待条例第二条）。优抚对象不用再证明经济困难（第四十二条第（二）项）；您是否属于优抚对象，由法律援助机构确认。',
  migrant_worker: '进城务工人员讨要工资或请求工伤赔偿的，不用再证明经济困难（第四十二条第（三）项）；其他事项仍要看经济状况。',
  military_family: '含军人本人，以及军人的配偶、父母、子女和其他有法定扶养关系的近亲属。下一步会再问一个问题。',
  martyr_survivor: '烈士、因公牺牲军人、病故军人的遗属也属于抚恤优待对象（军人抚恤优待条例第二条）。',
  single_mother_hardship: '本市重点服务的人群；这个身份本身不免除经济困难审查，我们会告诉您可用的途径。',
  left_behind: '本市重点服务的人群；这个身份本身不免除经济困难审查，我们会告诉您可用的途径。',
}

/** The status step's options in display order (military sub-categories are asked in the next step). */
export const STATUS_STEP_CODES: readonly StatusCode[] = [
  'dibao', 'tekun', 'social_assistance', 'judicial_assistance', 'youfu', 'migrant_worker',
  'military_family', 'martyr_survivor', 'veteran', 'single_mother_hardship', 'left_behind',
]

export const STEP_DEFINITIONS: Record<StepId, StepDefinition> = {
  matter: {
    id: 'matter',
    title: '您遇到的是什么事？',
    questions: [{
      kind: 'choice', key: 'matter', name: 'matter', legend: '请选择最接近的一项',
      options: matterCodes.map(m => option(m, matterLabels[m])),
    }],
  },
  asker: {
    id: 'asker',
    title: '是您自己的事，还是替家人问？',
    questions: [{
      kind: 'choice', key: 'asker', name: 'asker', legend: '请选择一项',
      hint: '家人被抓、被羁押的，近亲属可以替他申请法律援助（法律援助法第二十四条、第四十条第二款）。后面的问题都是问需要律师的那个人（申请人）的情况。',
      options: [option('self', '我自己的事'), option('family', '替家人问（如家人被抓、被起诉）')],
    }],
  },
  status: {
    id: 'status',
    title: '需要法律援助的人是否属于下面这些情况？',
    questions: [{
      kind: 'choice', key: 'statuses', name: 'statuses', multiple: true, noneLabel: '以上都不是',
      legend: '可以选多项；都不是就选“以上都不是”',
      hint:
        '只有法律规定的几类人可以不再证明经济困难（法律援助法第四十二条）：低保、特困等社会救助对象，司法救助对象，优抚对象，以及讨薪或请求工伤赔偿的进城务工人员。' +
        '其他身份本身不免除经济困难审查，但选上后我们会告诉您可用的政策。',
      options: STATUS_STEP_CODES.map(s => option(s, statusLabels[s], statusHints[s])),
    }],
  },
  military: {
    id: 'military',
    title: '军人或军属属于下面哪种情况？',
    intro: '按《军人军属法律援助工作实施办法》，下列军人军属申请法律援助不需要提交经济困难证明（本平台的这一规则还待法律援助中心确认）。',
    questions: [{
      kind: 'choice', key: 'militaryCategories', name: 'military', multiple: true, noneLabel: '都不是，或者不清楚',
      legend: '可以选多项',
      options: (['conscript_or_cadet', 'military_mission'] as const).map(s => option(s, statusLabels[s])),
    }],
  },
  criminal: {
    id: 'criminal',
    title: '当事人现在有没有请律师？',
    questions: [{
      kind: 'choice', key: 'hasDefender', name: 'has-defender',
      legend: '当事人（被抓或被起诉的人，或者被害人）是否已经自己请了律师？',
      hint: '已经自己请了律师的，法律援助机构不再另外指派。',
      options: [{ value: false, label: '没有请律师' }, { value: true, label: '已经请了律师' }],
    }],
  },
  stage: {
    id: 'stage',
    title: '案件是哪种情况？',
    questions: [{
      kind: 'choice', key: 'stage', name: 'stage', legend: '请选择最接近的一项',
      options: [
        option('ordinary', '一般的刑事案件（在公安、检察院或法院办理）'),
        option('death_review', '已经被判处死刑，正在死刑复核', '死刑复核案件的被告人要提出申请，法院收到申请后通知指派律师（法律援助法第二十五条第一款第（五）项）。'),
        option('in_absentia', '人不在国内，法院要缺席审判', '法律援助法第二十五条第一款第（六）项、刑事诉讼法第二百九十三条。'),
        option('compulsory_medical', '因为精神疾病，可能被强制医疗', '法律援助法第二十八条、刑事诉讼法第三百零四条。'),
      ],
    }],
  },
  charge: {
    id: 'charge',
    title: '可能会被判无期徒刑或者死刑吗？',
    questions: [{
      kind: 'choice', key: 'lifeOrDeath', name: 'life-or-death', legend: '按办案机关或律师的说法，当事人可能被判处无期徒刑或者死刑吗？',
      hint: '比如涉嫌故意杀人、抢劫致人重伤或死亡、贩卖大量毒品等严重犯罪。可能被判无期徒刑、死刑的，必须为他指派律师，不需要申请（法律援助法第二十五条第一款第（四）项）。',
      options: [option('yes', '可能'), option('no', '不会'), option('unsure', '不清楚')],
    }],
  },
  age: {
    id: 'age',
    title: '申请人的年龄',
    questions: [{
      kind: 'choice', key: 'ageGroup', name: 'age', legend: '申请人现在多大年纪？',
      options: (Object.keys(ageGroupLabels) as AgeGroup[]).map(g => option(g, ageGroupLabels[g])),
    }],
  },
  disability: {
    id: 'disability',
    title: '申请人是否有残疾？',
    questions: [{
      kind: 'choice', key: 'disability', name: 'disability', legend: '请选择一项（用于判断是否免予核查经济困难或应当指派律师，不会被保存）',
      options: disabilityCodes.map(d => option(d, disabilityLabels[d])),
    }],
  },
  understanding: {
    id: 'understanding',
    title: '当事人能完全明白自己做的事吗？',
    questions: [{
      kind: 'choice', key: 'understandsConduct', name: 'understands', legend: '当事人能不能完全明白自己在做什么、会有什么后果？',
      hint: '比如因为精神疾病或智力障碍，不能完全明白。不能完全明白的成年人没有请律师的，必须为他指派律师，不需要申请（法律援助法第二十五条第一款第（三）项）。',
      options: [option('yes', '能完全明白'), option('no', '不能完全明白'), option('unsure', '说不清')],
    }],
  },
  fixedIncome: {
    id: 'fixedIncome',
    title: '申请人有没有固定的生活来源？',
    questions: [{
      kind: 'choice', key: 'hasFixedIncome', name: 'fixed-income', legend: '申请人有没有工资、养老金等固定收入？',
      options: [{ value: true, label: '有固定收入' }, { value: false, label: '没有固定生活来源' }],
    }],
  },
  place: {
    id: 'place',
    title: '申请人住在哪里？',
    questions: [
      { kind: 'choice', key: 'county', name: 'county', legend: '户籍或经常居住在哪个县（市、区）？', options: countyCodes.map(c => option(c, countyLabels[c])) },
      { kind: 'choice', key: 'residence', name: 'residence', legend: '城镇居民还是农村居民？', options: residenceCodes.map(r => option(r, residenceLabels[r])) },
    ],
  },
  income: {
    id: 'income',
    title: '家里有几口人，每月收入多少？',
    intro: '用来和本地经济困难标准比较（低保标准的 2 倍）。不方便说的，也可以直接去窗口签个人诚信承诺书（法律援助法第四十一条）。',
    questions: [
      { kind: 'number', key: 'householdSize', name: 'household-size', label: '家里共有几口人（一起生活的）', inputmode: 'numeric', integer: true, min: 1, max: 50, message: '请填写 1 到 50 之间的整数' },
      { kind: 'number', key: 'monthlyIncome', name: 'household-income', label: '全家每月收入合计（元）', inputmode: 'decimal', integer: false, min: 0, max: 100_000_000, message: '请填写 0 或正数（单位：元）' },
    ],
  },
  urgency: {
    id: 'urgency',
    title: '事情紧急吗？',
    questions: [
      { kind: 'choice', key: 'urgentDeadline', name: 'urgent-deadline', legend: '离起诉、仲裁或申请复议的最后期限，是不是不到 7 天了？', options: yesNo },
      { kind: 'choice', key: 'needsPreservation', name: 'preservation', legend: '是否需要马上申请保全财产或证据（比如对方要转移财产）？', options: yesNo },
    ],
  },
}

/** 以案释法 category of the case library for a matter (GET /api/search?category=). */
export const matterCaseCategory: Record<MatterCode, string> = {
  state_compensation: '行政争议',
  social_insurance_or_assistance: '社会保险',
  pension_compensation: '军人军属权益',
  support_payment: '婚姻家庭',
  labor_relationship: '劳动争议',
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
  military_benefits: '军人军属权益',
  marriage_family: '婚姻家庭',
  other_injury_or_loss: '人身损害',
  rural_land_or_insurance: '征地拆迁',
  other: '法律援助',
}
