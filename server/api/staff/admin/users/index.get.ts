import type { StaffAccountDto } from '#shared/types/staff'
import { listStaffAccounts } from '~~/server/domain/staff/service'

export default defineApiHandler(async (event): Promise<StaffAccountDto[]> => {
  await requireStaff(event, ['admin'])
  const app = await useApp()
  return listStaffAccounts({ db: app.db })
})
