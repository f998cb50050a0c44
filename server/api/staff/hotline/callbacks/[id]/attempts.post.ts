import { callbackAttemptBody, hotlineIdParams } from '#shared/schemas/hotline'
import { recordAttempt } from '~~/server/domain/hotline/service'

// One try at a callback (no answer, busy, …, completed); the third failed try closes it. 409 ATTEMPTS_EXHAUSTED /
// CALLBACK_NOT_OPEN / OUTSIDE_CHOSEN_WINDOW. Audited as callback.attempt.
export default defineApiHandler(async (event): Promise<{ status: string, attemptNo: number }> => {
  const actor = await requireStaff(event, ['operator'])
  const { id } = await getValidatedRouterParams(event, hotlineIdParams.parse)
  const body = await readValidatedBody(event, callbackAttemptBody.parse)
  const app = await useApp()
  const r = await recordAttempt(hotlineDeps(app, requestIpHash(event, app)), { id, result: body.result }, actor)
  setResponseStatus(event, 201)
  return r
})
