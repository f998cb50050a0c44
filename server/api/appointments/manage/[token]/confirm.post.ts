import { manageTokenParams } from '#shared/schemas/appointments'
import type { AppointmentDto } from '#shared/types/appointments'
import { confirmHeldPlace } from '~~/server/domain/appointments/service'

// The person on the waitlist takes the place held for them (before held_until).
export default defineApiHandler(async (event): Promise<AppointmentDto> => {
  const { token } = await getValidatedRouterParams(event, manageTokenParams.parse)
  const app = await useApp()
  setHeader(event, 'cache-control', 'no-store')
  const dto = await confirmHeldPlace(appointmentDeps(app), token)
  return dto
})
