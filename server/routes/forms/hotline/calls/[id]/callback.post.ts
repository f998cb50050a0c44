import { bookCallbackBody } from '#shared/schemas/hotline'
import { DomainError } from '~~/server/domain/errors'
import { bookCallbackForCall } from '~~/server/domain/hotline/service'

// Another callback window for a call already saved, without JavaScript: 303 to the console.
export default defineStaffFormHandler({
  roles: ['operator'],
  refused: (q, { event }) => {
    const id = hotlineFormCallId(event)
    return id ? hotlineCallFormWith({ ...q, pending: id }) : `/staff/hotline?${new URLSearchParams(q)}`
  },
}, async ({ event, actor, fields, app }) => {
  const id = hotlineFormCallId(event)
  if (!id) throw new DomainError('CALL_NOT_FOUND')
  const body = bookCallbackBody.parse({ callbackWindowId: field(fields, 'callbackWindowId') ?? '' })
  const call = await bookCallbackForCall(hotlineDeps(app, requestIpHash(event, app)), { callId: id, slotId: body.callbackWindowId }, actor)
  return { to: `/staff/hotline?logged=${call.id}#hl-logged` }
})
