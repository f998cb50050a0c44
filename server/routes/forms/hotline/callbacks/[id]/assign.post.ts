import { hotlineIdParams, reassignCallbackBody } from '#shared/schemas/hotline'
import { calendarDate } from '#shared/schemas/zod'
import { reassignCallback } from '~~/server/domain/hotline/service'

// Hands a callback to another operator without JavaScript: 303 back to the queue of the day shown.
export default defineEventHandler(async (event) => {
  const actor = await requireStaff(event, ['operator'])
  const f = await readFormFields(event)
  const id = hotlineIdParams.safeParse(getRouterParams(event)).data?.id
  if (!id) return formDone(event, '/staff/hotline?error=CALLBACK_NOT_FOUND')
  const date = calendarDate().safeParse(field(f, 'date')).data
  const back = (q: Record<string, string>) => formDone(event, `/staff/hotline?${new URLSearchParams({ ...(date ? { date } : {}), ...q, callback: id })}#hl-queue-title`)
  try {
    const body = reassignCallbackBody.parse({ operatorId: field(f, 'operatorId') ?? '' })
    const app = await useApp()
    await reassignCallback(hotlineDeps(app, requestIpHash(event, app)), { id, operatorId: body.operatorId }, actor)
    return back({ assigned: body.operatorId })
  } catch (e) {
    return back(formErrorQuery(e))
  }
})
