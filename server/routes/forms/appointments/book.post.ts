import { bookAppointmentBody } from '#shared/schemas/appointments'
import { bookAppointment } from '~~/server/domain/appointments/service'

// The booking form without JavaScript: 303 to the private manage page (the confirmation, which
// survives a reload), or back to the form with the error code. What was typed goes back to the form
// in the encrypted draft cookie (never in the URL), so nothing has to be typed twice; the URL keeps
// only the non-personal choices (channel, point, day). The form's hidden requestId is the
// Idempotency-Key, so a double click books once.
export default defineEventHandler(async (event) => {
  const f = await readFormFields(event)
  const day = field(f, 'day') ?? ''
  const where = { channel: field(f, 'channel') ?? '', servicePointId: field(f, 'servicePointId') ?? '', ...(/^\d{4}-\d{2}-\d{2}$/.test(day) ? { day } : {}) }
  const back = (q: Record<string, string>) => `/appointments?${new URLSearchParams({ ...where, ...q })}#form`
  const typed = { slotId: field(f, 'slotId') ?? '', name: field(f, 'name') ?? '', phone: field(f, 'phone') ?? '', topic: field(f, 'topic') ?? '', note: field(f, 'note') ?? '' }
  const state = await readFormState<{ appointment?: typeof typed }>(event)
  try {
    const body = bookAppointmentBody.parse({ ...typed, note: typed.note || undefined })
    const requestId = field(f, 'requestId')
    const app = await useApp()
    const { dto } = await bookAppointment(appointmentDeps(app), { ...body, ipHash: requestIpHash(event, app), idempotencyKey: requestId && /^[\x21-\x7e]{8,200}$/.test(requestId) ? requestId : undefined })
    if (state.appointment) await writeFormState(event, { ...state, appointment: undefined })
    return formDone(event, `${dto.manageUrl.replace(/^https?:\/\/[^/]+/, '')}?booked=1`)
  } catch (e) {
    const q = formErrorQuery(e)
    await writeFormState(event, { ...state, appointment: keptTyped(typed) })
    return formDone(event, back(q))
  }
})
