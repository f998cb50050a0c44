import { completeCallbackBody, hotlineIdParams } from '../../../../../../shared/schemas/hotline'
import { completeCallback } from '../../../../../domain/hotline/service'

// Marks a booked callback done or missed (409 CALLBACK_NOT_OPEN when it was already closed).
export default defineApiHandler(async (event): Promise<{ status: string }> => {
  const actor = await requireStaff(event, ['operator'])
  const { id } = await getValidatedRouterParams(event, hotlineIdParams.parse)
  const body = await readValidatedBody(event, completeCallbackBody.parse)
  const app = await useApp()
  return { status: await completeCallback(hotlineDeps(app), actor, id, body, requestIpHash(event, app)) }
})
