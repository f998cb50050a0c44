import { CALL_LINK_LABELS, callLinkBody } from '#shared/schemas/hotline'
import { DomainError } from '~~/server/domain/errors'
import { linkCall } from '~~/server/domain/hotline/service'

// 关联 without JavaScript (with it, the panel posts JSON to /api/staff/hotline/calls/[id]/links):
// same schema, same service, same role and audit (hotline_call.link); 303 back to the call's panel,
// with the notice or the refusal (unknown reference, wrong kind, already linked, malformed) in the flash.
export default defineStaffFormHandler({ form: 'hotline-link', roles: ['operator'], back: e => hotlineCallPanel(hotlineFormCallId(e), 'hl-links-title') }, async ({ event, actor, fields, app }) => {
  const id = hotlineFormCallId(event)
  if (!id) throw new DomainError('CALL_NOT_FOUND')
  const body = callLinkBody.parse({ kind: field(fields, 'kind') ?? '', reference: field(fields, 'reference') ?? '' })
  await linkCall(hotlineDeps(app, requestIpHash(event, app)), { ...body, id }, actor)
  return { to: hotlineCallPanel(id, 'hl-links-title'), notice: `已关联${CALL_LINK_LABELS[body.kind]}：${body.reference}` }
})
