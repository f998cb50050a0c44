import { hotlineIdParams, screenForCallBody } from '#shared/schemas/hotline'
import type { ScreenForCallDto } from '#shared/types/hotline'
import { screenForCall } from '~~/server/domain/hotline/service'

// The legal-aid screening run on the caller's behalf (the public questionnaire's engine and schema);
// recorded and linked on the call. 403 CALL_RESTRICTED for a 家庭暴力 call the operator does not handle.
export default defineApiHandler(async (event): Promise<ScreenForCallDto> => {
  const actor = await requireStaff(event, ['operator', 'admin'])
  const { id } = await getValidatedRouterParams(event, hotlineIdParams.parse)
  const body = await readValidatedBody(event, screenForCallBody.parse)
  const app = await useApp()
  const out = await screenForCall(hotlineDeps(app, requestIpHash(event, app)), { ...body, callId: id }, actor)
  setResponseStatus(event, 201)
  return out
})
