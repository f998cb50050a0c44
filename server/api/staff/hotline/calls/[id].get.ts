import { hotlineIdParams } from '#shared/schemas/hotline'
import type { HotlineCallDto } from '#shared/types/hotline'
import { openCall } from '~~/server/domain/hotline/service'

// One call with its summary (masked phone); audited as hotline_call.read.
export default defineApiHandler(async (event): Promise<HotlineCallDto> => {
  const actor = await requireStaff(event, ['operator'])
  const { id } = await getValidatedRouterParams(event, hotlineIdParams.parse)
  const app = await useApp()
  return openCall(hotlineDeps(app, requestIpHash(event, app)), { id }, actor)
})
