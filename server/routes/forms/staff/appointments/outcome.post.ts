import { idParams, staffOutcomeBody } from '#shared/schemas/appointments'
import { recordOutcome } from '~~/server/domain/appointments/service'

// Check-in / completed / no-show from the day view without JavaScript: same service as
// POST /api/staff/appointments/:id/outcome (audited), then 303 back to the same day view with the
// result (or the error code) in the address. With JavaScript the page calls the API instead.
export default defineStaffFormHandler({ roles: ['operator', 'reviewer', 'admin'], refused: (q, { fields }) => staffDayViewWith(field(fields, 'back'), q) }, async ({ event, actor, fields, app }) => {
  const { id } = idParams.parse({ id: field(fields, 'id') ?? '' })
  const { status } = staffOutcomeBody.parse({ status: field(fields, 'status') ?? '' })
  const item = await recordOutcome(appointmentDeps(app, requestIpHash(event, app)), { id, status }, actor)
  return { to: staffDayViewWith(field(fields, 'back'), { done: status, ref: item.reference }) }
})
