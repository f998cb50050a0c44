/** What the server-rendered questionnaire page shows (GET /api/eligibility/draft). */
import type { Question } from '../domain/applications/questionnaire'
import type { AnswerLine, FieldError, Progress } from '../domain/eligibility/question-flow'
import type { ScreeningInputRaw } from '../schemas/eligibility'
import type { ScreeningResultDto } from './eligibility'

interface ViewBase {
  /** the matter needs discretion: safety note, no matter words in titles or links */
  discreet: boolean
  /** a canonical URL to go to instead (a step that cannot be reached yet) */
  redirect?: string
}

export interface QuestionStepView extends ViewBase {
  kind: 'question'
  number: number
  progress: Progress
  title: string
  intro?: string
  questions: Question[]
  values: Record<string, string[]>
  errors: FieldError[]
  backHref?: string
  /** came from "check your answers": the form goes back there */
  returnTo?: 'check'
}

export interface ResultView extends ViewBase {
  kind: 'result'
  result: ScreeningResultDto
  /** case library category for "similar cases" (left out on discreet paths) */
  caseCategory?: string
  summary: AnswerLine[]
  /** the engine input, sent along with an application */
  screening: ScreeningInputRaw
  /** the matter in the resident's words */
  matterLabel?: string
}

export type QuestionnaireView = QuestionStepView | ResultView
