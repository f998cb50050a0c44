import { bookForCallBody } from '#shared/schemas/hotline'
import { bookForCall } from '~~/server/domain/hotline/service'

// Book for the caller from the call without JavaScript (walk-in, online or callback): the phone and
// topic come from the call on the server; 303 back to the call's panel.
export default defineStaffFormHandler({ form: 'hotline-book', roles: ['operator'], back: e => hotlineCallPanel(hotlineFormCallId(e), 'hl-book-title') }, async ({ event, actor, fields, app }) => {
  const id = hotlineFormCallId(event)
  const name = field(fields, 'name')?.trim()
  const body = bookForCallBody.parse({ slotId: field(fields, 'slotId') ?? '', ...(name ? { name } : {}) })
  const call = await bookForCall(hotlineDeps(app, requestIpHash(event, app)), { ...body, callId: id }, actor)
  const added = call.links.filter(l => l.kind === 'booking').at(-1)
  return { to: hotlineCallPanel(id, 'hl-book-title'), notice: `已为来电人预约，预约编号 ${added?.reference ?? ''}，确认短信会发到来电号码。` }
})
