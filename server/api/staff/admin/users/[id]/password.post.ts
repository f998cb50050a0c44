// An administrator resets another member's password to a temporary one: the member must set a new
// one at the next sign-in, and every session of theirs ends now (audited).
import { resetStaffPasswordBody, staffIdParams } from '#shared/schemas/staff'
import type { StaffAccountDto } from '#shared/types/staff'
import { toStaffAccountDto } from '~~/server/domain/staff/dto'
import { resetStaffPassword } from '~~/server/domain/staff/service'

export default defineApiHandler(async (event): Promise<StaffAccountDto> => {
  const actor = await requireStaff(event, ['admin'])
  const { id } = await getValidatedRouterParams(event, staffIdParams.parse)
  const body = await readValidatedBody(event, resetStaffPasswordBody.parse)
  const app = await useApp()
  return toStaffAccountDto(await resetStaffPassword(staffDeps(app, requestIpHash(event, app)), { ...body, id }, actor))
})
