import { appointmentProofBody } from '../../../shared/schemas/appointments'
import type { AppointmentDto } from '../../../shared/types/appointments'
import { lookupAppointment } from '../../domain/appointments/service'

// POST (not GET): the phone number never appears in a URL or an access log. A form post is
// redirected to the private manage page.
export default defineApiHandler(async (event): Promise<AppointmentDto> => {
  const body = await readValidatedBody(event, appointmentProofBody.parse)
  const app = await useApp()
  setHeader(event, 'cache-control', 'no-store')
  const dto = await lookupAppointment(appointmentDeps(app, requestIpHash(event, app)), body)
  return dto
})
