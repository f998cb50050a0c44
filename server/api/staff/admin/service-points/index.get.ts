import type { StaffServicePointDto } from '#shared/types/platform'
import { listServicePointsForStaff } from '~~/server/domain/appointments/service'

// Every service point, inactive ones too, with its details and demo marks (admins edit them).
export default defineApiHandler(async (event): Promise<StaffServicePointDto[]> => {
  await requireStaff(event, ['admin'])
  const app = await useApp()
  return listServicePointsForStaff(appointmentDeps(app))
})
