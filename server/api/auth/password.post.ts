// A signed-in staff member changes their own password (also the way out of an administrator's
// reset). The form without JavaScript posts to /staff/password instead: same service.
import { changeOwnPasswordBody } from '#shared/schemas/staff'
import type { MeDto } from '#shared/types/staff'
import { toStaffUserDto } from '~~/server/domain/staff/dto'
import { changeOwnPassword } from '~~/server/domain/staff/service'

export default defineApiHandler(async (event): Promise<MeDto> => {
  const actor = await requireStaff(event, undefined, { passwordChangePending: true })
  const body = await readValidatedBody(event, b => changeOwnPasswordBody.parse(withUsername(b, actor.username)))
  const app = await useApp()
  const user = await changeOwnPassword(staffDeps(app, requestIpHash(event, app)), body, actor)
  return { user: toStaffUserDto(user) }
})
