import { outboxIdParams } from '#shared/schemas/staff'
import { retryOutboxEntry } from '~~/server/domain/outbox/service'

export default defineApiHandler(async (event): Promise<{ ok: true }> => {
  const actor = await requireStaff(event, ['admin'])
  const { id } = await getValidatedRouterParams(event, outboxIdParams.parse)
  const app = await useApp()
  await retryOutboxEntry({ db: app.db, ipHash: requestIpHash(event, app) }, { id }, actor)
  return { ok: true }
})
