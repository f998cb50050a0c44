// The legal-aid application without JavaScript: one thing per page, each a <form method="post">
// here; 303 to the next step, "check your answers", the confirmation, or the same step with its
// errors. The page's own fetch (JavaScript) gets { location } from the same code. The draft lives
// in the encrypted draft cookie, never in a URL.
import type { FormInput } from '~~/server/domain/legal-aid/service'
import { answerApplicationStep } from '~~/server/domain/legal-aid/service'

export default defineEventHandler(async (event) => {
  const form = await readFormFields(event)
  const app = await useApp()
  const state = await readFormState<FormInput['state']>(event)
  const out = await answerApplicationStep(legalAidDeps(app, requestIpHash(event, app)), { state, form })
  await writeFormState(event, out.state)
  return formDone(event, out.location)
})
