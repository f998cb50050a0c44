import { bookCallbackBody, hotlineIdParams } from '#shared/schemas/hotline'
import type { HotlineCallDto } from '#shared/types/hotline'
import { bookCallbackForCall } from '~~/server/domain/hotline/service'

// Books a callback for a call already logged (e.g. when the first window chosen was full); audited as callback.book.
export default defineApiHandler(async (event): Promise<HotlineCallDto> => {
  const actor = await requireStaff(event, ['operator'])
  const { id } = await getValidatedRouterParams(event, hotlineIdParams.parse)
  const body = await readValidatedBody(event, bookCallbackBody.parse)
  const app = await useApp()
  const call = await bookCallbackForCall(hotlineDeps(app, requestIpHash(event, app)), { callId: id, slotId: body.callbackWindowId }, actor)
  setResponseStatus(event, 201)
  return call
})
