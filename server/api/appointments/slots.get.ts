import { listSlotsQuery } from '../../../shared/schemas/appointments'
import type { AppointmentSlotDto } from '../../../shared/types/appointments'
import { listSlots } from '../../domain/appointments/service'

// Public: future slots with free places (from/to: Asia/Shanghai days, default the next six weeks); no personal data.
export default defineApiHandler(async (event): Promise<AppointmentSlotDto[]> => {
  const q = await getValidatedQuery(event, listSlotsQuery.parse)
  const app = await useApp()
  setHeader(event, 'cache-control', 'no-store')
  return listSlots(appointmentDeps(app), q)
})
