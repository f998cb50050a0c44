import { servicePointsQuery } from '../../../shared/schemas/appointments'
import type { ServicePointDto } from '../../../shared/types/platform'
import { listServicePoints } from '../../domain/appointments/points'

// Service points on four levels, each with the channels bookable there; optional filters
// (county, level, service, channel). Public, no personal data.
export default defineApiHandler(async (event): Promise<ServicePointDto[]> => {
  const q = await getValidatedQuery(event, servicePointsQuery.parse)
  const app = await useApp()
  return listServicePoints(appointmentDeps(app), q)
})
