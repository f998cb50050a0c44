import { listCallsQuery } from '#shared/schemas/hotline'
import type { HotlineCallPageDto } from '#shared/types/hotline'
import { listCalls } from '~~/server/domain/hotline/service'

// The team's recent calls, newest first, masked phones only; audited as hotline_call.list.
export default defineApiHandler(async (event): Promise<HotlineCallPageDto> => {
  const actor = await requireStaff(event, ['operator'])
  const q = await getValidatedQuery(event, listCallsQuery.parse)
  const app = await useApp()
  return listCalls(hotlineDeps(app, requestIpHash(event, app)), { page: q.page }, actor)
})
