import type { QuestionnaireView } from '#shared/types/questionnaire-form'
import type { QuestionnaireState } from '~~/server/domain/forms/questionnaire'
import { viewScreeningQuestionnaire } from '~~/server/domain/eligibility/service'

// The resident's own questionnaire (from the encrypted draft cookie) as the page shows it: the
// current question with its values and errors, or the result. Personal: never cached.
export default defineApiHandler(async (event): Promise<QuestionnaireView> => {
  const state = await readFormState<QuestionnaireState & Record<string, unknown>>(event)
  setHeader(event, 'cache-control', 'no-store')
  return viewScreeningQuestionnaire(screeningDeps(await useApp()), { state, query: getQuery(event) })
})
