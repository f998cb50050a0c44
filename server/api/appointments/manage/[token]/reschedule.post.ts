import { manageTokenParams, rescheduleBody } from '#shared/schemas/appointments'
import type { AppointmentDto } from '#shared/types/appointments'
import { rescheduleBooking } from '~~/server/domain/appointments/service'

// Atomic reschedule: the new place is taken before the old one is freed, in one transaction.
export default defineApiHandler(async (event): Promise<AppointmentDto> => {
  const { token } = await getValidatedRouterParams(event, manageTokenParams.parse)
  const body = await readValidatedBody(event, rescheduleBody.parse)
  const app = await useApp()
  setHeader(event, 'cache-control', 'no-store')
  const dto = await rescheduleBooking(appointmentDeps(app), { ...body, token })
  return dto
})
