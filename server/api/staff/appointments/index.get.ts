import { staffDayQuery } from '#shared/schemas/appointments'
import type { StaffAppointmentItemDto } from '#shared/types/appointments'
import { staffDayList } from '../../../domain/appointments/service'

// One day's appointments (default today, Asia/Shanghai), names and phones masked; audited as appointment.list.
export default defineApiHandler(async (event): Promise<StaffAppointmentItemDto[]> => {
  const actor = await requireStaff(event, ['operator', 'reviewer', 'admin'])
  const q = await getValidatedQuery(event, staffDayQuery.parse)
  const app = await useApp()
  return staffDayList(appointmentDeps(app, requestIpHash(event, app)), q, actor)
})
