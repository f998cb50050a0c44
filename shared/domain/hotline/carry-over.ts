/**
 * From the call, in one place (issue 10): what the operator already heard carries over, nothing is
 * retyped. call → screening input (the public questionnaire's engine and schema) → application
 * body (the public application's schema). Pure functions: the console page prefills with them, and
 * the server builds the application from the stored call and screening with them.
 */
import type { CaseCategory, PriorityGroup } from '../cases/taxonomy'
import type { CountyCode, MatterCode, ProceedingCode, ScreeningInputRaw, StatusCode } from '../../schemas/eligibility'
import { countyCodes, disabilityCodes, matterCodes, proceedingCodes, residenceCodes } from '../../schemas/eligibility'
import { MATTER_SUMMARY_MAX } from '../applications/form-input'
import { sensitiveKindsIn } from '../applications/sensitive'

/** What the call record knows about the caller's matter. */
export interface CallFacts {
  topic: string
  callerGroups: readonly string[]
  summary: string
  elderlyOrDisabled?: boolean
}

/**
 * The call's consultation category read as the Legal Aid Law's matter (arts. 24, 29, 31, 32).
 * Only categories that name one matter; the others (继承纠纷, 借贷纠纷 …) leave the matter for the
 * operator to choose with the caller.
 */
export const TOPIC_MATTER: Readonly<Partial<Record<CaseCategory, { proceeding: ProceedingCode, matter?: MatterCode }>>> = {
  劳动争议: { proceeding: 'civil', matter: 'labor_remuneration' },
  工伤: { proceeding: 'civil', matter: 'work_injury' },
  婚姻家庭: { proceeding: 'civil', matter: 'marriage_family' },
  家庭暴力: { proceeding: 'civil', matter: 'abuse_or_domestic_violence' },
  老年人权益: { proceeding: 'civil', matter: 'support_payment' },
  交通事故: { proceeding: 'civil', matter: 'traffic_accident_injury' },
  人身损害: { proceeding: 'civil', matter: 'other_injury_or_loss' },
  医疗纠纷: { proceeding: 'civil', matter: 'medical_accident_injury' },
  社会保险: { proceeding: 'civil', matter: 'social_insurance_or_assistance' },
  刑事辩护: { proceeding: 'criminal', matter: 'criminal_defense' },
  军人军属权益: { proceeding: 'civil', matter: 'military_benefits' },
  行政争议: { proceeding: 'administrative' },
  继承纠纷: { proceeding: 'civil' },
  借贷纠纷: { proceeding: 'civil' },
  房屋租赁: { proceeding: 'civil' },
  消费者权益: { proceeding: 'civil' },
  征地拆迁: { proceeding: 'civil', matter: 'rural_land_or_insurance' },
}

/** The city plan's priority groups (ticked on the call) that are statuses of the questionnaire (art. 42, 军人军属办法 art. 7). */
export const GROUP_STATUS: Readonly<Partial<Record<PriorityGroup, StatusCode>>> = {
  migrant_worker: 'migrant_worker',
  military_family: 'military_family',
  veteran: 'veteran',
  single_mother: 'single_mother_hardship',
  left_behind: 'left_behind',
}

/** The screening input the call already answers: proceeding, matter and the caller's statuses. */
export function screeningFromCall(call: CallFacts): ScreeningInputRaw {
  const m = TOPIC_MATTER[call.topic as CaseCategory]
  const statuses = [...new Set(call.callerGroups.map(g => GROUP_STATUS[g as PriorityGroup]).filter((s): s is StatusCode => s !== undefined))]
  return {
    ...(m ? { proceeding: m.proceeding } : {}),
    ...(m?.matter ? { matter: m.matter } : {}),
    applicantRelation: 'self',
    ...(statuses.length ? { person: { statuses } } : {}),
  }
}

type Fields = Record<string, string[] | undefined>

const one = (f: Fields, k: string) => f[k]?.[0]?.trim() || undefined
const num = (v: string | undefined) => (v === undefined ? undefined : /^\d+(\.\d+)?$/.test(v) ? Number(v) : v)
const yesNo = (v: string | undefined) => (v === 'yes' ? true : v === 'no' ? false : undefined)
const oneOf = <T extends string>(codes: readonly T[], v: string | undefined): T | string | undefined => v === undefined ? undefined : codes.includes(v as T) ? v as T : v

/**
 * The console's screening form as a plain HTML form sends it (and the page's script the same
 * fields), read into the questionnaire's input. Empty fields stay unanswered; anything else is left
 * for `screeningInput` to refuse with its own message (a number field with letters stays a string).
 */
export function screeningFormValues(f: Fields): ScreeningInputRaw {
  const statuses = (f.statuses ?? []).filter(s => s !== '')
  const person = {
    age: num(one(f, 'age')),
    disability: oneOf(disabilityCodes, one(f, 'disability')),
    hasFixedIncome: yesNo(one(f, 'hasFixedIncome')),
    ...(statuses.length ? { statuses } : {}),
  }
  const household = {
    size: num(one(f, 'householdSize')),
    monthlyIncome: num(one(f, 'monthlyIncome')),
    county: oneOf(countyCodes, one(f, 'county')),
    residence: oneOf(residenceCodes, one(f, 'residence')),
  }
  const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))
  const p = defined(person)
  const h = defined(household)
  const days = num(one(f, 'daysToDeadline'))
  return defined({
    proceeding: oneOf(proceedingCodes, one(f, 'proceeding')),
    matter: oneOf(matterCodes, one(f, 'matter')),
    applicantRelation: 'self',
    person: Object.keys(p).length ? p : undefined,
    household: Object.keys(h).length ? h : undefined,
    daysToDeadline: days,
  }) as ScreeningInputRaw
}

/** The form's fields for a screening input (the reverse of screeningFormValues: the page prefills with it). */
export function screeningFormFields(s: ScreeningInputRaw): Record<string, string | string[]> {
  const str = (v: unknown) => (v === undefined || v === null ? '' : String(v))
  const yn = (v: boolean | undefined) => (v === true ? 'yes' : v === false ? 'no' : '')
  return {
    proceeding: str(s.proceeding),
    matter: str(s.matter),
    county: str(s.household?.county),
    residence: str(s.household?.residence),
    age: str(s.person?.age),
    disability: str(s.person?.disability),
    hasFixedIncome: yn(s.person?.hasFixedIncome),
    statuses: [...(s.person?.statuses ?? [])],
    householdSize: str(s.household?.size),
    monthlyIncome: str(s.household?.monthlyIncome),
    daysToDeadline: str(s.daysToDeadline),
  }
}

/** What the operator adds for the application (asked once, during the call). */
export interface ApplicationFromCallForm {
  name: string
  idNumber: string
  address: string
  matterSummary: string
  consentProcessing: boolean
  consentSensitive: boolean
}

/** The application form's prefill: the call's summary as the account of the matter (cut to the form's limit). */
export function applicationDraftFromCall(call: Pick<CallFacts, 'summary'>): Pick<ApplicationFromCallForm, 'matterSummary'> {
  return { matterSummary: [...call.summary.trim()].slice(0, MATTER_SUMMARY_MAX).join('') }
}

/** Whether the screening's answers need the caller's separate consent to sensitive data (个人信息保护法第二十九条). */
export const needsSensitiveConsent = (screening: ScreeningInputRaw) => sensitiveKindsIn(screening).length > 0

/**
 * The public application's body (shared/schemas/applications.ts `applyBody`) from the call and its
 * screening: the phone is the one given on the call, the screening answers are the ones recorded on
 * the call (re-screened by the legal-aid service with the rules in force), only name, ID number and
 * address are asked. The caller applies for themself (a 代为申请 goes through the centre's window).
 */
export function applyBodyFromCall(input: { phone: string, screening: ScreeningInputRaw, form: ApplicationFromCallForm }) {
  const { phone, screening, form } = input
  return {
    applicant: { name: form.name, idNumber: form.idNumber, phone, address: form.address },
    matterSummary: form.matterSummary,
    screening: { ...screening, applicantRelation: 'self' as const },
    consent: { processing: form.consentProcessing, sensitive: form.consentSensitive },
  }
}

/** The application form's fields as a plain HTML form sends them. */
export function applicationFormValues(f: Fields): ApplicationFromCallForm {
  return {
    name: f.name?.[0] ?? '',
    idNumber: f.idNumber?.[0] ?? '',
    address: f.address?.[0] ?? '',
    matterSummary: f.matterSummary?.[0] ?? '',
    consentProcessing: f.consentProcessing !== undefined,
    consentSensitive: f.consentSensitive !== undefined,
  }
}

export type { CountyCode }
