import { appointmentProofBody } from '../../../shared/schemas/appointments'
import type { AppointmentDto } from '../../../shared/types/appointments'
import { cancelByProof } from '../../domain/appointments/service'

// Cancel with reference + phone (for people without the manage link); the place is free again at once.
export default defineApiHandler(async (event): Promise<AppointmentDto> => {
  const body = await readValidatedBody(event, appointmentProofBody.parse)
  const app = await useApp()
  setHeader(event, 'cache-control', 'no-store')
  return cancelByProof(appointmentDeps(app, requestIpHash(event, app)), body)
})
