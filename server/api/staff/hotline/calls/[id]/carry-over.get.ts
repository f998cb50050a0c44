import { hotlineIdParams } from '#shared/schemas/hotline'
import type { CallCarryOverDto } from '#shared/types/hotline'
import { callCarryOver } from '~~/server/domain/hotline/service'

// What the screening and the application started from this call are prefilled with (audited read).
export default defineApiHandler(async (event): Promise<CallCarryOverDto> => {
  const actor = await requireStaff(event, ['operator', 'admin'])
  const { id } = await getValidatedRouterParams(event, hotlineIdParams.parse)
  const app = await useApp()
  return callCarryOver(hotlineDeps(app, requestIpHash(event, app)), { callId: id }, actor)
})
