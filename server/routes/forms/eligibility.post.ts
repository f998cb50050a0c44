// The questionnaire without JavaScript: one question per page, each a <form method="post"> here;
// 303 to the next question, the result, or the same question with its errors. The page's own
// fetch (JavaScript) gets { location } from the same code. Answers live in the encrypted draft
// cookie, never in a URL.
import type { QuestionnaireState } from '~~/server/domain/forms/questionnaire'
import { answerScreeningQuestion } from '~~/server/domain/eligibility/service'

export default defineEventHandler(async (event) => {
  const form = await readFormFields(event)
  const state = await readFormState<QuestionnaireState & Record<string, unknown>>(event)
  const out = await answerScreeningQuestion(screeningDeps(await useApp()), { state, form })
  await writeFormState(event, out.state as Record<string, unknown>)
  return formDone(event, out.location)
})
