import { schedulesQuery } from '#shared/schemas/appointments'
import type { SchedulesDto } from '#shared/types/appointments'
import { listSchedules } from '~~/server/domain/appointments/service'

// Weekly rules, closures and extra sessions (all, or one service point's), with the holiday-calendar warning.
export default defineApiHandler(async (event): Promise<SchedulesDto> => {
  await requireStaff(event, ['admin'])
  const q = await getValidatedQuery(event, schedulesQuery.parse)
  const app = await useApp()
  return listSchedules(appointmentDeps(app), q.servicePointId)
})
