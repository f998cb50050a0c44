import { revealCallbackBody } from '#shared/schemas/hotline'
import { calendarDate } from '#shared/schemas/zod'
import { revealCallback } from '~~/server/domain/hotline/service'

// 显示号码 without JavaScript: the purpose is stated, the read audited (callback.reveal); the full
// number reaches the console once, in the sealed flash, never in a URL.
const back = (date: string | undefined) => `/staff/hotline?${new URLSearchParams(date ? { date } : {})}#hl-queue-title`
export default defineStaffFormHandler({ form: 'hotline-reveal', roles: ['operator'], back: (_e, f) => back(calendarDate().safeParse(field(f, 'date')).data) }, async ({ event, actor, fields, app }) => {
  const id = hotlineFormCallId(event) // same [id] param shape as a call's
  const { purpose } = revealCallbackBody.parse({ purpose: field(fields, 'purpose') ?? '' })
  const r = await revealCallback(hotlineDeps(app, requestIpHash(event, app)), { id, purpose }, actor)
  return { to: back(calendarDate().safeParse(field(fields, 'date')).data), data: { callbackId: id, phone: r.phone } }
})
