import type { QuestionnaireView } from '../../../shared/types/questionnaire-form'
import { questionnaireView, type QuestionnaireState } from '../../domain/forms/questionnaire'

// The resident's own questionnaire (from the encrypted draft cookie) as the page shows it: the
// current question with its values and errors, or the result. Personal: never cached.
export default defineApiHandler(async (event): Promise<QuestionnaireView> => {
  const app = await useApp()
  const state = await readFormState<QuestionnaireState & Record<string, unknown>>(event)
  setHeader(event, 'cache-control', 'no-store')
  return questionnaireView(state, await eligibilityConfigSource(app).get(new Date()), getQuery(event))
})
