import { bookAppointmentBody } from '#shared/schemas/appointments'
import { bookAppointment } from '../../../domain/appointments/service'

// The booking form without JavaScript: 303 to the private manage page (the confirmation, which
// survives a reload), or back to the form with the error code. The form's hidden requestId is the
// Idempotency-Key, so a double click books once.
export default defineEventHandler(async (event) => {
  const f = await readFormFields(event)
  const back = (q: Record<string, string>) => `/appointments?${new URLSearchParams({ channel: field(f, 'channel') ?? '', servicePointId: field(f, 'servicePointId') ?? '', ...q })}#form`
  try {
    const body = bookAppointmentBody.parse({
      slotId: field(f, 'slotId') ?? '', name: field(f, 'name') ?? '', phone: field(f, 'phone') ?? '', topic: field(f, 'topic') ?? '',
      note: field(f, 'note') || undefined,
    })
    const requestId = field(f, 'requestId')
    const app = await useApp()
    const { dto } = await bookAppointment(appointmentDeps(app), { ...body, ipHash: requestIpHash(event, app), idempotencyKey: requestId && /^[\x21-\x7e]{8,200}$/.test(requestId) ? requestId : undefined })
    return formDone(event, `${dto.manageUrl.replace(/^https?:\/\/[^/]+/, '')}?booked=1`)
  } catch (e) {
    return formDone(event, back(formErrorQuery(e)))
  }
})
