import { manageTokenParams } from '#shared/schemas/appointments'
import type { AppointmentDto } from '#shared/types/appointments'
import { viewBooking } from '~~/server/domain/appointments/service'

// The private manage link: whoever holds the token sees the booking (no phone, no note).
export default defineApiHandler(async (event): Promise<AppointmentDto> => {
  const { token } = await getValidatedRouterParams(event, manageTokenParams.parse)
  const app = await useApp()
  setHeader(event, 'cache-control', 'no-store')
  setHeader(event, 'referrer-policy', 'no-referrer')
  return viewBooking(appointmentDeps(app), token)
})
