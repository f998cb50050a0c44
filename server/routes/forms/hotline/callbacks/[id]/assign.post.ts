import { reassignCallbackBody } from '#shared/schemas/hotline'
import { DomainError } from '~~/server/domain/errors'
import { reassignCallback } from '~~/server/domain/hotline/service'

// Hands a callback to another operator without JavaScript: 303 back to the queue of the day shown.
export default defineStaffFormHandler({ roles: ['operator'], refused: (q, { event, fields }) => hotlineQueueWith(event, fields, q) }, async ({ event, actor, fields, app }) => {
  const id = hotlineFormCallId(event)
  if (!id) throw new DomainError('CALLBACK_NOT_FOUND')
  const body = reassignCallbackBody.parse({ operatorId: field(fields, 'operatorId') ?? '' })
  await reassignCallback(hotlineDeps(app, requestIpHash(event, app)), { id, operatorId: body.operatorId }, actor)
  return { to: hotlineQueueWith(event, fields, { assigned: body.operatorId }) }
})
