import { cancelBookingBody, manageTokenParams } from '#shared/schemas/appointments'
import type { AppointmentDto } from '#shared/types/appointments'
import { cancelBooking } from '~~/server/domain/appointments/service'

// Cancel after the confirmation step (body { confirm: true }); the place goes to the next person waiting.
export default defineApiHandler(async (event): Promise<AppointmentDto> => {
  const { token } = await getValidatedRouterParams(event, manageTokenParams.parse)
  await readValidatedBody(event, cancelBookingBody.parse)
  const app = await useApp()
  setHeader(event, 'cache-control', 'no-store')
  const dto = await cancelBooking(appointmentDeps(app), token)
  return dto
})
