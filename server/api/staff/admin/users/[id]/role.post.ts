import { changeRoleBody, staffIdParams } from '#shared/schemas/staff'
import type { StaffAccountDto } from '#shared/types/staff'
import { toStaffAccountDto } from '~~/server/domain/staff/dto'
import { changeStaffRole } from '~~/server/domain/staff/service'

export default defineApiHandler(async (event): Promise<StaffAccountDto> => {
  const actor = await requireStaff(event, ['admin'])
  const { id } = await getValidatedRouterParams(event, staffIdParams.parse)
  const { role } = await readValidatedBody(event, changeRoleBody.parse)
  const app = await useApp()
  return toStaffAccountDto(await changeStaffRole(staffDeps(app, requestIpHash(event, app)), { id, role }, actor))
})
