import { servicePointsQuery } from '#shared/schemas/service-points'
import type { ServicePointDto } from '#shared/types/platform'
import { listServicePoints } from '~~/server/domain/appointments/service'

// Service points on four levels, each with the channels bookable there; optional filters
// (county, level, service, channel: each a choice from the finder's lists, a bad one → 400 with
// a Chinese message). Public, no personal data.
export default defineApiHandler(async (event): Promise<ServicePointDto[]> => {
  const q = await getValidatedQuery(event, servicePointsQuery.parse)
  const app = await useApp()
  return listServicePoints(appointmentDeps(app), q)
})
