import { bookCallbackBody, hotlineIdParams } from '#shared/schemas/hotline'
import { bookCallbackForCall } from '~~/server/domain/hotline/service'

// Another callback window for a call already saved, without JavaScript: 303 to the console.
export default defineEventHandler(async (event) => {
  const actor = await requireStaff(event, ['operator'])
  const f = await readFormFields(event)
  const id = hotlineIdParams.safeParse(getRouterParams(event)).data?.id
  if (!id) return formDone(event, '/staff/hotline?error=CALL_NOT_FOUND')
  try {
    const body = bookCallbackBody.parse({ callbackWindowId: field(f, 'callbackWindowId') ?? '' })
    const app = await useApp()
    const call = await bookCallbackForCall(hotlineDeps(app, requestIpHash(event, app)), { callId: id, slotId: body.callbackWindowId }, actor)
    return formDone(event, `/staff/hotline?logged=${call.id}#hl-logged`)
  } catch (e) {
    return formDone(event, `/staff/hotline?${new URLSearchParams({ ...formErrorQuery(e), pending: id })}#hl-form-title`)
  }
})
