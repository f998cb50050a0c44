import { applyFromCallBody, hotlineIdParams } from '#shared/schemas/hotline'
import type { ApplyForCallDto } from '#shared/types/hotline'
import { applyForCall } from '~~/server/domain/hotline/service'

// A legal-aid application for the caller, from the call and its screening (phone and answers carried
// over on the server), through the legal-aid service with the operator as actor; linked on the call.
export default defineApiHandler(async (event): Promise<ApplyForCallDto> => {
  const actor = await requireStaff(event, ['operator', 'admin'])
  const { id } = await getValidatedRouterParams(event, hotlineIdParams.parse)
  const body = await readValidatedBody(event, applyFromCallBody.parse)
  const app = await useApp()
  const out = await applyForCall(hotlineDeps(app, requestIpHash(event, app)), { ...body, callId: id }, actor)
  setResponseStatus(event, 201)
  return out
})
