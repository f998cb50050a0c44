import { updateCallBody } from '#shared/schemas/hotline'
import { updateCall } from '~~/server/domain/hotline/service'

// An edit of a logged call without JavaScript (PUT /api/staff/hotline/calls/[id] with it): the form
// carries the version it showed; a stale one comes back as 409 STALE_EDIT, in words, with nothing saved.
export default defineStaffFormHandler({ form: 'hotline-edit', roles: ['operator'], back: e => hotlineCallPanel(hotlineFormCallId(e), 'hl-edit-title') }, async ({ event, actor, fields, app }) => {
  const id = hotlineFormCallId(event)
  const one = (k: string) => field(fields, k)?.trim() || undefined
  const outcome = one('outcome')
  const body = updateCallBody.parse({
    version: Number(one('version') ?? 0), topic: one('topic'), summary: field(fields, 'summary') ?? '', callerGroups: fields.callerGroups ?? [], outcome,
    ...(outcome === 'referred_service_point' && one('servicePointId') ? { servicePointId: one('servicePointId') } : {}),
    urgent: fields.urgent !== undefined, safeToCallBack: fields.unsafeCallback === undefined, discreet: fields.discreet !== undefined,
    interpreter: one('interpreter') ?? 'none', elderlyOrDisabled: fields.elderlyOrDisabled !== undefined, toldOfLegalAidRight: fields.toldOfLegalAidRight !== undefined,
  })
  const call = await updateCall(hotlineDeps(app, requestIpHash(event, app)), { ...body, id }, actor)
  return { to: `/staff/hotline?open=${id}#hl-edited`, notice: `已保存对来电 ${call.reference} 的修改（版本 ${call.version}）。` }
})
