import { hotlineIdParams, revealCallbackBody } from '#shared/schemas/hotline'
import type { CallbackRevealDto } from '#shared/types/hotline'
import { revealCallback } from '~~/server/domain/hotline/service'

// The full number for dialing, with the purpose stated; audited as callback.reveal.
export default defineApiHandler(async (event): Promise<CallbackRevealDto> => {
  const actor = await requireStaff(event, ['operator'])
  const { id } = await getValidatedRouterParams(event, hotlineIdParams.parse)
  const body = await readValidatedBody(event, revealCallbackBody.parse)
  const app = await useApp()
  return revealCallback(hotlineDeps(app, requestIpHash(event, app)), { id, purpose: body.purpose }, actor)
})
