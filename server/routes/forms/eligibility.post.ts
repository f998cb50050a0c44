// The questionnaire without JavaScript: one question per page, each a <form method="post"> here;
// 303 to the next question, the result, or the same question with its errors. The page's own
// fetch (JavaScript) gets { location } from the same code. Answers live in the encrypted draft
// cookie, never in a URL.
import { shanghaiDay } from '../../domain/legal-aid/clock'
import { submitQuestion, type QuestionnaireState } from '../../domain/forms/questionnaire'
import { bumpScreeningCounter } from '../../repositories/eligibility'

export default defineEventHandler(async (event) => {
  const form = await readFormFields(event)
  const app = await useApp()
  const now = new Date()
  const state = await readFormState<QuestionnaireState & Record<string, unknown>>(event)
  const out = submitQuestion(state, await eligibilityConfigSource(app).get(now), form)
  await writeFormState(event, out.state as Record<string, unknown>)
  if (out.completed) await bumpScreeningCounter(app.db, shanghaiDay(now), out.matter ?? 'unknown', out.completed.outcome)
  return formDone(event, out.location)
})
