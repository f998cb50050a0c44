import { bookAppointmentBody, idempotencyKeyHeader } from '../../../shared/schemas/appointments'
import type { AppointmentDto } from '../../../shared/types/appointments'
import { bookAppointment } from '../../domain/appointments/service'

// Public booking, no login. 201 with the reference and the private manage link; 409 SLOT_FULL /
// PHONE_ALREADY_BOOKED; 429 TOO_MANY_BOOKINGS. The same Idempotency-Key returns the first booking.
// Without JavaScript the page's form posts to /forms/appointments/book (303 redirects).
export default defineApiHandler(async (event): Promise<AppointmentDto> => {
  const key = idempotencyKeyHeader.parse(getRequestHeader(event, 'idempotency-key'))
  const body = await readValidatedBody(event, bookAppointmentBody.parse)
  const app = await useApp()
  const { dto, replayed } = await bookAppointment(appointmentDeps(app), { ...body, idempotencyKey: key, ipHash: requestIpHash(event, app) })
  setHeader(event, 'cache-control', 'no-store')
  if (replayed) setHeader(event, 'idempotent-replayed', 'true')
  setResponseStatus(event, 201)
  return dto
})
