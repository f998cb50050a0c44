import { appointmentProofBody } from '../../../shared/schemas/appointments'
import type { AppointmentDto } from '../../../shared/types/appointments'
import { cancelAppointment } from '../../domain/appointments/service'

// The person cancels with reference + phone; the place is free again at once.
export default defineApiHandler(async (event): Promise<AppointmentDto> => {
  const body = await readValidatedBody(event, appointmentProofBody.parse)
  const app = await useApp()
  setHeader(event, 'cache-control', 'no-store')
  return cancelAppointment(appointmentDeps(app), body, requestIpHash(event, app))
})
