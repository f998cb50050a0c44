import { staffBookBody } from '#shared/schemas/appointments'
import { bookAppointment } from '~~/server/domain/appointments/service'

// 代为预约 from the day view without JavaScript: same service as POST /api/staff/appointments (same
// limits, audited with the staff member), the form's requestId as the Idempotency-Key; 303 back to
// the day view with the new reference, or with the error code and field.
export default defineStaffFormHandler({ roles: ['operator', 'reviewer', 'admin'], refused: (q, { fields }) => staffDayViewWith(field(fields, 'back'), q) }, async ({ event, actor, fields, app }) => {
  const body = staffBookBody.parse({ slotId: field(fields, 'slotId') ?? '', name: field(fields, 'name') ?? '', phone: field(fields, 'phone') ?? '', topic: field(fields, 'topic') ?? '' })
  const requestId = field(fields, 'requestId')
  const { dto } = await bookAppointment(appointmentDeps(app), { ...body, ipHash: requestIpHash(event, app), idempotencyKey: requestId && /^[\x21-\x7e]{8,200}$/.test(requestId) ? requestId : undefined }, actor)
  return { to: staffDayViewWith(field(fields, 'back'), { done: 'booked', ref: dto.reference }) }
})
