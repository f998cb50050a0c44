import { idempotencyKeyHeader, staffBookBody } from '#shared/schemas/appointments'
import type { AppointmentDto } from '#shared/types/appointments'
import { bookAppointment } from '../../../domain/appointments/service'

// Staff book on a caller's or visitor's behalf: same slots, capacity and per-phone rules, audited with the staff member.
export default defineApiHandler(async (event): Promise<AppointmentDto> => {
  const actor = await requireStaff(event, ['operator', 'reviewer', 'admin'])
  const key = idempotencyKeyHeader.parse(getRequestHeader(event, 'idempotency-key'))
  const body = await readValidatedBody(event, staffBookBody.parse)
  const app = await useApp()
  const { dto, replayed } = await bookAppointment(appointmentDeps(app), { ...body, idempotencyKey: key, ipHash: requestIpHash(event, app) }, actor)
  if (replayed) setHeader(event, 'idempotent-replayed', 'true')
  setResponseStatus(event, 201)
  return dto
})
