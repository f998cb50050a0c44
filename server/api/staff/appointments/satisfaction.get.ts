import { satisfactionQuery } from '#shared/schemas/appointments'
import type { SatisfactionDto } from '#shared/types/appointments'
import { satisfactionFigures } from '../../../domain/appointments/service'

// Satisfaction (ratings 4-5 over all ratings given in [from, to], Asia/Shanghai days). No personal data.
export default defineApiHandler(async (event): Promise<SatisfactionDto> => {
  await requireStaff(event, ['admin'])
  const q = await getValidatedQuery(event, satisfactionQuery.parse)
  const app = await useApp()
  return satisfactionFigures(appointmentDeps(app), { fromDay: q.from, toDay: q.to, channel: q.channel })
})
