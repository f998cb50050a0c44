import { staffBookBody } from '#shared/schemas/appointments'
import { bookAppointment } from '~~/server/domain/appointments/service'

// 代为预约 from the day view without JavaScript: same service as POST /api/staff/appointments (same
// limits, audited with the staff member), the form's requestId as the Idempotency-Key; 303 back to
// the day view with the new reference, or with the error code and field.
export default defineEventHandler(async (event) => {
  const f = await readFormFields(event)
  const actor = await requireStaff(event, ['operator', 'reviewer', 'admin'])
  const back = staffDayViewPath(field(f, 'back'))
  const to = (q: Record<string, string>) => `${back}${back.includes('?') ? '&' : '?'}${new URLSearchParams(q)}`
  try {
    const body = staffBookBody.parse({ slotId: field(f, 'slotId') ?? '', name: field(f, 'name') ?? '', phone: field(f, 'phone') ?? '', topic: field(f, 'topic') ?? '' })
    const requestId = field(f, 'requestId')
    const app = await useApp()
    const { dto } = await bookAppointment(appointmentDeps(app), { ...body, ipHash: requestIpHash(event, app), idempotencyKey: requestId && /^[\x21-\x7e]{8,200}$/.test(requestId) ? requestId : undefined }, actor)
    return formDone(event, to({ done: 'booked', ref: dto.reference }))
  } catch (e) {
    return formDone(event, to(formErrorQuery(e)))
  }
})
