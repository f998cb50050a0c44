/** What the server-rendered application page shows (GET /api/legal-aid/apply-draft). */
import type { SensitiveKind } from '../domain/applications/sensitive'
import type { FieldError } from '../domain/eligibility/question-flow'

export type ApplyStepId = 'who' | 'applicant' | 'agent' | 'matter' | 'consent' | 'check' | 'done'

interface ViewBase {
  /** a canonical URL to go to instead (a step that cannot be reached yet) */
  redirect?: string
}

/** The questionnaire's answers go with the application (the matter in the resident's words). */
export interface ApplyQuestionnaire { matterLabel: string, discreet: boolean }

export interface ApplyStepView extends ViewBase {
  kind: 'step'
  step: Exclude<ApplyStepId, 'check' | 'done'>
  number: number
  total: number
  title: string
  /** the form's values by field name (as typed, when sent back with errors) */
  values: Record<string, string>
  errors: FieldError[]
  backHref?: string
  returnTo?: 'check'
  nextLabel: string
  /** sensitive personal information in the questionnaire's answers (separate consent) */
  sensitive: Array<{ kind: SensitiveKind, label: string, purpose: string }>
  questionnaire?: ApplyQuestionnaire
}

export interface ApplyCheckRow { label: string, value: string, href: string }

export interface ApplyCheckView extends ViewBase {
  kind: 'check'
  title: string
  rows: ApplyCheckRow[]
  /** the service refused the application (a sentence for the whole form) */
  formError?: string
  questionnaire?: ApplyQuestionnaire
}

/** Where to bring the documents: the legal aid centre of the county given (else the city's). */
export interface ApplyServicePoint { id: string, name: string, address: string, phone: string, openingHours: Record<string, string>, accessibility: string }

export interface ApplyDoneView extends ViewBase {
  kind: 'done'
  reference: string
  receivedDate: string
  decisionDue: string
  urgent: boolean
  county?: string
  servicePoint?: ApplyServicePoint
}

export type ApplyView = ApplyStepView | ApplyCheckView | ApplyDoneView

/** The status page (GET /api/legal-aid/status-view): the look-up form and, once proven, the status. */
export interface StatusFormView {
  /** the reference to show in the form (never the phone) */
  reference: string
  errors: FieldError[]
  formError?: string
  /** what an action did ("已告知…") */
  done?: string
  status?: import('./applications').ApplicationStatusDto
}
