import { manageTokenParams } from '#shared/schemas/appointments'
import type { RatingViewDto } from '#shared/types/appointments'
import { viewRating } from '../../../domain/appointments/service'

export default defineApiHandler(async (event): Promise<RatingViewDto> => {
  const { token } = await getValidatedRouterParams(event, manageTokenParams.parse)
  const app = await useApp()
  setHeader(event, 'cache-control', 'no-store')
  return viewRating(appointmentDeps(app), token)
})
