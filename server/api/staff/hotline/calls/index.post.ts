import { logCallBody } from '#shared/schemas/hotline'
import type { HotlineCallDto } from '#shared/types/hotline'
import { logCall } from '~~/server/domain/hotline/service'

// Logs a 12348 call; a callback is booked in the same transaction (the lowest free place, or 409 WINDOW_FULL).
export default defineApiHandler(async (event): Promise<HotlineCallDto> => {
  const actor = await requireStaff(event, ['operator'])
  const body = await readValidatedBody(event, logCallBody.parse)
  const app = await useApp()
  const call = await logCall(hotlineDeps(app, requestIpHash(event, app)), body, actor)
  setResponseStatus(event, 201)
  return call
})
