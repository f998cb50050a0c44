import { reviewQueueQuery } from '#shared/schemas/applications'
import type { ReviewQueueItemDto } from '#shared/types/applications'
import { reviewQueue } from '~~/server/domain/legal-aid/service'

// The review queue: masked names only, urgent first, then by the nearest statutory deadline.
export default defineApiHandler(async (event): Promise<ReviewQueueItemDto[]> => {
  const actor = await requireStaff(event, ['reviewer', 'justice_bureau'])
  const q = await getValidatedQuery(event, reviewQueueQuery.parse)
  const app = await useApp()
  return reviewQueue(legalAidDeps(app, requestIpHash(event, app)), { scope: q.scope }, actor)
})
