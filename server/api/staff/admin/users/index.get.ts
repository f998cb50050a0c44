import type { StaffAccountDto } from '#shared/types/staff'
import { toStaffAccountDto } from '~~/server/domain/staff/dto'
import { listStaff } from '~~/server/repositories/staff'

export default defineApiHandler(async (event): Promise<StaffAccountDto[]> => {
  await requireStaff(event, ['admin'])
  const app = await useApp()
  return (await listStaff(app.db)).map(u => toStaffAccountDto(u))
})
