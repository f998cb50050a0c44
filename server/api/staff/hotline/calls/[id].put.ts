import { hotlineIdParams, updateCallBody } from '#shared/schemas/hotline'
import type { HotlineCallDto } from '#shared/types/hotline'
import { updateCall } from '~~/server/domain/hotline/service'

// Edits a call; the body carries the version the operator saw (stale → 409 STALE_EDIT). Audited as hotline_call.update.
export default defineApiHandler(async (event): Promise<HotlineCallDto> => {
  const actor = await requireStaff(event, ['operator'])
  const { id } = await getValidatedRouterParams(event, hotlineIdParams.parse)
  const body = await readValidatedBody(event, updateCallBody.parse)
  const app = await useApp()
  return updateCall(hotlineDeps(app, requestIpHash(event, app)), { ...body, id }, actor)
})
