import { applyFromCallBody } from '#shared/schemas/hotline'
import { applicationFormValues } from '#shared/domain/hotline/carry-over'
import { applyForCall } from '~~/server/domain/hotline/service'

// 代为申请 without JavaScript: the call's phone and screening answers are carried over on the server.
export default defineStaffFormHandler({ form: 'hotline-apply', roles: ['operator', 'admin'], back: e => hotlineCallPanel(hotlineFormCallId(e), 'hl-apply-title') }, async ({ event, actor, fields, app }) => {
  const id = hotlineFormCallId(event)
  const f = applicationFormValues(fields)
  const screeningReference = field(fields, 'screeningReference')?.trim() || undefined
  const body = applyFromCallBody.parse({ ...f, ...(screeningReference ? { screeningReference } : {}) })
  const out = await applyForCall(hotlineDeps(app, requestIpHash(event, app)), { ...body, callId: id }, actor)
  const a = out.application
  return { to: hotlineCallPanel(id, 'hl-apply-title'), notice: `已代为提交法律援助申请，受理编号 ${a.reference}，法律援助中心应在 ${a.decisionDue} 前作出决定。请把受理编号告诉来电人。` }
})
