import { manageTokenParams, rateBody } from '#shared/schemas/appointments'
import type { RatingViewDto } from '#shared/types/appointments'
import { rateAppointment } from '~~/server/domain/appointments/service'

// The one-time rating (1-5 and an optional comment) after a completed visit or callback.
export default defineApiHandler(async (event): Promise<RatingViewDto> => {
  const { token } = await getValidatedRouterParams(event, manageTokenParams.parse)
  const body = await readValidatedBody(event, rateBody.parse)
  const app = await useApp()
  setHeader(event, 'cache-control', 'no-store')
  const dto = await rateAppointment(appointmentDeps(app), { ...body, token })
  return dto
})
