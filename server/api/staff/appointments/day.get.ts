import { staffDayViewQuery } from '#shared/schemas/appointments'
import type { StaffDayViewDto } from '#shared/types/appointments'
import { staffDayView } from '../../../domain/appointments/service'

// The day view of one service point and channel: every slot, its places and masked bookings (audited).
export default defineApiHandler(async (event): Promise<StaffDayViewDto> => {
  const actor = await requireStaff(event, ['operator', 'reviewer', 'admin'])
  const q = await getValidatedQuery(event, staffDayViewQuery.parse)
  const app = await useApp()
  return staffDayView(appointmentDeps(app, requestIpHash(event, app)), q, actor)
})
