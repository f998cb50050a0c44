import { idParams, staffOutcomeBody } from '#shared/schemas/appointments'
import { recordOutcome } from '~~/server/domain/appointments/service'

// Check-in / completed / no-show from the day view without JavaScript: same service as
// POST /api/staff/appointments/:id/outcome (audited), then 303 back to the same day view with the
// result (or the error code) in the address. With JavaScript the page calls the API instead.
export default defineEventHandler(async (event) => {
  const f = await readFormFields(event)
  const actor = await requireStaff(event, ['operator', 'reviewer', 'admin'])
  const back = staffDayViewPath(field(f, 'back'))
  const to = (q: Record<string, string>) => `${back}${back.includes('?') ? '&' : '?'}${new URLSearchParams(q)}`
  try {
    const { id } = idParams.parse({ id: field(f, 'id') ?? '' })
    const { status } = staffOutcomeBody.parse({ status: field(f, 'status') ?? '' })
    const app = await useApp()
    const item = await recordOutcome(appointmentDeps(app, requestIpHash(event, app)), { id, status }, actor)
    return formDone(event, to({ done: status, ref: item.reference }))
  } catch (e) {
    return formDone(event, to(formErrorQuery(e)))
  }
})
