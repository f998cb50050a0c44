import { callbackAttemptBody } from '#shared/schemas/hotline'
import { DomainError } from '~~/server/domain/errors'
import { recordAttempt } from '~~/server/domain/hotline/service'

// One try at a callback without JavaScript (same service as POST /api/staff/hotline/callbacks/[id]/attempts):
// 303 back to the queue of the day shown, with the result or the error code.
export default defineStaffFormHandler({ roles: ['operator'], refused: (q, { event, fields }) => hotlineQueueWith(event, fields, q) }, async ({ event, actor, fields, app }) => {
  const id = hotlineFormCallId(event)
  if (!id) throw new DomainError('CALLBACK_NOT_FOUND')
  const body = callbackAttemptBody.parse({ result: field(fields, 'result') ?? '' })
  const r = await recordAttempt(hotlineDeps(app, requestIpHash(event, app)), { id, result: body.result }, actor)
  return { to: hotlineQueueWith(event, fields, { attempt: String(r.attemptNo), result: body.result, status: r.status }) }
})
