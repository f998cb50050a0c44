import { callLinkBody, hotlineIdParams } from '#shared/schemas/hotline'
import { linkCall } from '~~/server/domain/hotline/service'

// Links a screening, application or booking made during the call (by reference); audited as hotline_call.link.
export default defineApiHandler(async (event): Promise<{ ok: true }> => {
  const actor = await requireStaff(event, ['operator'])
  const { id } = await getValidatedRouterParams(event, hotlineIdParams.parse)
  const body = await readValidatedBody(event, callLinkBody.parse)
  const app = await useApp()
  await linkCall(hotlineDeps(app, requestIpHash(event, app)), { ...body, id }, actor)
  setResponseStatus(event, 201)
  return { ok: true }
})
