import { bookForCallBody, hotlineIdParams } from '#shared/schemas/hotline'
import type { HotlineCallDto } from '#shared/types/hotline'
import { bookForCall } from '~~/server/domain/hotline/service'

// Books a walk-in visit, an online consultation or a callback for the caller from the call: the phone and
// topic come from the call record, the booking is linked to it. 409 SLOT_FULL / PHONE_ALREADY_BOOKED, 429 TOO_MANY_BOOKINGS.
export default defineApiHandler(async (event): Promise<HotlineCallDto> => {
  const actor = await requireStaff(event, ['operator'])
  const { id } = await getValidatedRouterParams(event, hotlineIdParams.parse)
  const body = await readValidatedBody(event, bookForCallBody.parse)
  const app = await useApp()
  const call = await bookForCall(hotlineDeps(app, requestIpHash(event, app)), { ...body, callId: id }, actor)
  setResponseStatus(event, 201)
  return call
})
