/**
 * The questionnaire's server side, shared by the plain-HTML POST (/forms/eligibility) and the
 * page's GET (/api/eligibility/draft): which step a URL may show, what a submitted step changes,
 * where the resident goes next. Framework-free: the routes pass the draft, the config and the form.
 */
import { emptyAnswers, matterCaseCategory, STEP_DEFINITIONS, stepsFor, toScreeningInput } from '../../../shared/domain/applications/questionnaire'
import { screen, type EligibilityConfig } from '../../../shared/domain/eligibility'
import { matterWordByCode, matterWordFor, matterWordFromQuery } from '../../../shared/domain/eligibility/matter-words'
import {
  answerSummary, applyStep, displayQuestions, firstOpenStep, isDiscreet, progressOf, valuesOf,
  type FieldError, type FormValues, type QuestionnaireDraft,
} from '../../../shared/domain/eligibility/question-flow'
import { screeningInput } from '../../../shared/schemas/eligibility'
import type { ScreeningResultDto } from '../../../shared/types/eligibility'
import type { QuestionnaireView } from '../../../shared/types/questionnaire-form'

export const QUESTIONNAIRE_PATH = '/eligibility'

export interface QuestionnaireFlash { step: number, errors: FieldError[], values: Record<string, string[]> }
export interface QuestionnaireState { q?: QuestionnaireDraft, qflash?: QuestionnaireFlash }

export const draftOf = (s: QuestionnaireState): QuestionnaireDraft => s.q && Array.isArray(s.q.answers?.statuses) ? s.q : { answers: emptyAnswers() }

const stepUrl = (n: number, ret?: 'check') => `${QUESTIONNAIRE_PATH}?step=${n}${ret ? '&return=check' : ''}`
export const RESULT_URL = `${QUESTIONNAIRE_PATH}?step=result`
export const CHECK_ANSWERS_URL = '/legal-aid/apply?step=check'

/** The furthest step a URL may open: the first unanswered one (1-based), or the last. */
function reachable(draft: QuestionnaireDraft, cfg: EligibilityConfig): { open: number, count: number } {
  const count = stepsFor(draft.answers, cfg).length
  return { open: firstOpenStep(draft.answers, cfg), count }
}

export function screenDraft(draft: QuestionnaireDraft, cfg: EligibilityConfig): ScreeningResultDto {
  return screen(screeningInput.parse(toScreeningInput(draft.answers)), cfg)
}

export interface ViewQuery { step?: unknown, matter?: unknown, return?: unknown }

export function questionnaireView(state: QuestionnaireState, cfg: EligibilityConfig, query: ViewQuery): QuestionnaireView {
  const draft = draftOf(state)
  const discreet = isDiscreet(draft)
  const ret = query.return === 'check' ? 'check' as const : undefined
  const { open, count } = reachable(draft, cfg)
  if (query.step === 'result' && open === -1) {
    const result = screenDraft(draft, cfg)
    const word = matterWordByCode(draft.word) ?? matterWordFor(draft.answers.matter)
    return {
      kind: 'result', discreet, result,
      ...(!discreet && draft.answers.matter ? { caseCategory: matterCaseCategory[draft.answers.matter] } : {}),
      summary: answerSummary(draft, cfg),
      screening: toScreeningInput(draft.answers),
      ...(word ? { matterLabel: word.label } : {}),
    }
  }
  const max = open === -1 ? count : open + 1
  const asked = Number(query.step)
  const wanted = query.step === undefined ? 1 : query.step === 'result' ? max : asked
  const number = Number.isInteger(wanted) && wanted >= 1 ? Math.min(wanted, max) : 1
  const redirect = query.step !== undefined && String(number) !== String(query.step) ? stepUrl(number, ret) : undefined
  const step = stepsFor(draft.answers, cfg)[number - 1]!
  const flash = state.qflash?.step === number ? state.qflash : undefined
  const values = flash?.values ?? valuesOf(step, draft)
  // A link from a case or a search result brings the matter in (a neutral code): preselected, not saved.
  const linked = matterWordFromQuery(query.matter)
  if (step === 'matter' && linked && !values.matter?.length) values.matter = [linked.code]
  const def = STEP_DEFINITIONS[step]
  return {
    kind: 'question', discreet: discreet || (step === 'matter' && Boolean(linked?.sensitive)),
    ...(redirect ? { redirect } : {}),
    number, progress: progressOf(draft.answers, cfg, number - 1),
    title: def.title, ...(def.intro ? { intro: def.intro } : {}),
    questions: displayQuestions(step), values, errors: flash?.errors ?? [],
    ...(number > 1 ? { backHref: stepUrl(number - 1, ret) } : {}),
    ...(ret ? { returnTo: ret } : {}),
  }
}

export interface SubmitOutcome {
  state: QuestionnaireState
  location: string
  /** the path was completed with this submission: count the screening */
  completed?: ScreeningResultDto
  matter?: string
}

/** One submitted step (plain form or the page's fetch): the new state and where to go. */
export function submitQuestion(state: QuestionnaireState, cfg: EligibilityConfig, form: FormValues): SubmitOutcome {
  const draft = draftOf(state)
  const ret = form.return?.[0] === 'check' ? 'check' as const : undefined
  const { open, count } = reachable(draft, cfg)
  const max = open === -1 ? count : open + 1
  const n = Number(form.step?.[0])
  if (!Number.isInteger(n) || n < 1 || n > max) return { state, location: stepUrl(max, ret) }
  const step = stepsFor(draft.answers, cfg)[n - 1]!
  const r = applyStep(draft, step, form)
  if (r.errors.length) {
    const values: Record<string, string[]> = {}
    for (const q of displayQuestions(step)) values[q.name] = (form[q.name] ?? []).slice(0, 20).map(v => v.slice(0, 50))
    return { state: { ...state, qflash: { step: n, errors: r.errors, values } }, location: stepUrl(n, ret) }
  }
  const next: QuestionnaireState = { ...state, q: r.draft }
  delete next.qflash
  const after = reachable(r.draft, cfg)
  if (after.open !== -1) {
    // go on in order: the next question (already answered ones are shown again to review), never past an open one
    const to = ret ? after.open + 1 : Math.min(after.open + 1, n + 1)
    return { state: next, location: stepUrl(to, ret) }
  }
  if (ret) return { state: next, location: CHECK_ANSWERS_URL }
  if (n < after.count) return { state: next, location: stepUrl(n + 1) }
  return { state: next, location: RESULT_URL, completed: screenDraft(r.draft, cfg), matter: r.draft.answers.matter }
}
