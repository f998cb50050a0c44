import { bookAppointmentBody } from '../../../shared/schemas/appointments'
import type { AppointmentDto } from '../../../shared/types/appointments'
import { bookAppointment } from '../../domain/appointments/service'

// Public booking, no login: 201 with the reference; 409 SLOT_FULL when the last place is gone.
export default defineApiHandler(async (event): Promise<AppointmentDto> => {
  const body = await readValidatedBody(event, bookAppointmentBody.parse)
  const app = await useApp()
  const booked = await bookAppointment(appointmentDeps(app), body, requestIpHash(event, app))
  setResponseStatus(event, 201)
  setHeader(event, 'cache-control', 'no-store')
  return booked
})
