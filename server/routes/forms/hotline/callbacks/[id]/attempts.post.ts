import { callbackAttemptBody, hotlineIdParams } from '#shared/schemas/hotline'
import { calendarDate } from '#shared/schemas/zod'
import { recordAttempt } from '~~/server/domain/hotline/service'

// One try at a callback without JavaScript (same service as POST /api/staff/hotline/callbacks/[id]/attempts):
// 303 back to the queue of the day shown, with the result or the error code.
export default defineEventHandler(async (event) => {
  const actor = await requireStaff(event, ['operator'])
  const f = await readFormFields(event)
  const id = hotlineIdParams.safeParse(getRouterParams(event)).data?.id
  if (!id) return formDone(event, '/staff/hotline?error=CALLBACK_NOT_FOUND')
  const date = calendarDate().safeParse(field(f, 'date')).data
  const back = (q: Record<string, string>) => formDone(event, `/staff/hotline?${new URLSearchParams({ ...(date ? { date } : {}), ...q, callback: id })}#hl-queue-title`)
  try {
    const body = callbackAttemptBody.parse({ result: field(f, 'result') ?? '' })
    const app = await useApp()
    const r = await recordAttempt(hotlineDeps(app, requestIpHash(event, app)), { id, result: body.result }, actor)
    return back({ attempt: String(r.attemptNo), result: body.result, status: r.status })
  } catch (e) {
    return back(formErrorQuery(e))
  }
})
