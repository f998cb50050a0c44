// Anonymous eligibility screening: the answer, and a per-day count by matter and outcome (nothing
// personal is stored). Used by the JSON route and by the one-question-per-page form without
// JavaScript. One signature: verbNoun(deps, input, actor?).
import { screen, type EligibilityConfig } from '../../../shared/domain/eligibility'
import type { FormValues } from '../../../shared/domain/eligibility/question-flow'
import type { ScreeningInput } from '../../../shared/schemas/eligibility'
import type { ScreeningResultDto } from '../../../shared/types/eligibility'
import { shanghaiDay } from '../../../shared/time/calendar'
import type { Db } from '../../db/client'
import { bumpScreeningCounter } from '../../repositories/eligibility'
import { submitQuestion, type QuestionnaireState, type SubmitOutcome } from '../forms/questionnaire'

export interface ScreeningDeps { db: Db, now: () => Date, screeningConfig: (now: Date) => Promise<EligibilityConfig> }

export async function screenEligibility(deps: ScreeningDeps, input: ScreeningInput): Promise<ScreeningResultDto> {
  const now = deps.now()
  const result = screen(input, await deps.screeningConfig(now))
  await bumpScreeningCounter(deps.db, shanghaiDay(now), input.matter ?? 'unknown', result.outcome)
  return result
}

/** One step of the questionnaire form: the new state and where to go; a completed path is counted. */
export async function answerScreeningQuestion(deps: ScreeningDeps, input: { state: QuestionnaireState, form: FormValues }): Promise<SubmitOutcome> {
  const now = deps.now()
  const out = submitQuestion(input.state, await deps.screeningConfig(now), input.form)
  if (out.completed) await bumpScreeningCounter(deps.db, shanghaiDay(now), out.matter ?? 'unknown', out.completed.outcome)
  return out
}
