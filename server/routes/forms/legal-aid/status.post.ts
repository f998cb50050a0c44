// The status look-up and the applicant's actions without JavaScript: 303 back to /legal-aid/status,
// which shows the status (the proof is kept in the encrypted draft cookie, never in the URL) or
// the form with its errors. The page's own fetch gets { location } from the same code.
import type { StatusState } from '~~/server/domain/forms/status'
import { answerApplicationStatusForm } from '~~/server/domain/legal-aid/service'

export default defineEventHandler(async (event) => {
  const form = await readFormFields(event)
  const app = await useApp()
  const state = await readFormState<StatusState & Record<string, unknown>>(event)
  const out = await answerApplicationStatusForm(legalAidDeps(app, requestIpHash(event, app)), { state, form })
  await writeFormState(event, out.state as Record<string, unknown>)
  return formDone(event, out.location)
})
