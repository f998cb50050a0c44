import { idParams, staffRevealBody } from '#shared/schemas/appointments'
import { revealAppointmentContact } from '~~/server/domain/appointments/service'

// "显示完整信息" from the day view without JavaScript (issue 8): the same schema and service as
// POST /api/staff/appointments/:id/reveal (a stated purpose, audited), then 303 back to the same day
// view. The name and phone travel in the one-time sealed flash (HttpOnly, path /staff, read and
// cleared by the next page load), never in the address; a refused purpose comes back with its
// message and what was typed.
export default defineStaffFormHandler(
  { form: 'appointment-reveal', roles: ['operator', 'reviewer', 'admin'], back: (_event, f) => staffDayViewPath(field(f, 'back')) },
  async ({ event, actor, fields, app }) => {
    const { id } = idParams.parse({ id: field(fields, 'id') ?? '' })
    const { purpose } = staffRevealBody.parse({ purpose: field(fields, 'purpose') ?? '' })
    const revealed = await revealAppointmentContact(appointmentDeps(app, requestIpHash(event, app)), { id, purpose }, actor)
    await setStaffFlash(event, { form: 'appointment-reveal', revealed })
    return { to: staffDayViewPath(field(fields, 'back')) }
  },
)
