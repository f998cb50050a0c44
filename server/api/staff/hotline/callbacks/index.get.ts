import { callbackQueueQuery } from '#shared/schemas/hotline'
import type { CallbackQueueItemDto } from '#shared/types/hotline'
import { callbackQueue } from '~~/server/domain/hotline/service'

// The callback queue of one day (default today, Asia/Shanghai), masked numbers; audited as callback.list.
export default defineApiHandler(async (event): Promise<CallbackQueueItemDto[]> => {
  const actor = await requireStaff(event, ['operator'])
  const q = await getValidatedQuery(event, callbackQueueQuery.parse)
  const app = await useApp()
  return callbackQueue(hotlineDeps(app, requestIpHash(event, app)), { date: q.date }, actor)
})
