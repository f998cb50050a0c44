import { hotlineIdParams, reassignCallbackBody } from '#shared/schemas/hotline'
import { reassignCallback } from '~~/server/domain/hotline/service'

// Hands a callback to another operator; audited as callback.reassign.
export default defineApiHandler(async (event): Promise<{ ok: true }> => {
  const actor = await requireStaff(event, ['operator'])
  const { id } = await getValidatedRouterParams(event, hotlineIdParams.parse)
  const body = await readValidatedBody(event, reassignCallbackBody.parse)
  const app = await useApp()
  await reassignCallback(hotlineDeps(app, requestIpHash(event, app)), { id, operatorId: body.operatorId }, actor)
  return { ok: true }
})
