import { createStaffBody } from '#shared/schemas/staff'
import type { StaffAccountDto } from '#shared/types/staff'
import { toStaffAccountDto } from '~~/server/domain/staff/dto'
import { auditActorOf, createStaff } from '~~/server/domain/staff/service'

export default defineApiHandler(async (event): Promise<StaffAccountDto> => {
  const actor = await requireStaff(event, ['admin'])
  const body = await readValidatedBody(event, createStaffBody.parse)
  const app = await useApp()
  const user = await createStaff(staffDeps(app, requestIpHash(event, app)), body, auditActorOf(actor))
  setResponseStatus(event, 201)
  return toStaffAccountDto(user)
})
