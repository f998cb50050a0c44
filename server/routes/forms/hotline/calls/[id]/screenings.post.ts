import { screenForCallBody } from '#shared/schemas/hotline'
import { screeningFormValues } from '#shared/domain/hotline/carry-over'
import { screenForCall } from '~~/server/domain/hotline/service'

// 代为初筛 without JavaScript (with it, the console posts JSON to /api/staff/hotline/calls/[id]/screenings):
// same schema, same service, same audit; 303 back to the call's panel, which shows the result.
export default defineStaffFormHandler({ form: 'hotline-screen', roles: ['operator', 'admin'], back: e => hotlineCallPanel(hotlineFormCallId(e), 'hl-screen-title') }, async ({ event, actor, fields, app }) => {
  const id = hotlineFormCallId(event)
  const body = screenForCallBody.parse(screeningFormValues(fields))
  const out = await screenForCall(hotlineDeps(app, requestIpHash(event, app)), { ...body, callId: id }, actor)
  return { to: hotlineCallPanel(id, 'hl-screen-title'), data: { reference: out.screening.reference, outcome: out.result.outcome, explanation: out.result.explanation } }
})
