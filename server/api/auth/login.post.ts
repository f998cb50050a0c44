import { loginBody } from '../../../shared/schemas/staff'
import type { LoginResultDto } from '../../../shared/types/staff'
import { toStaffUserDto } from '../../domain/staff/dto'
import { login } from '../../domain/staff/service'

export default defineApiHandler(async (event): Promise<LoginResultDto> => {
  const body = await readValidatedBody(event, loginBody.parse)
  const app = await useApp()
  const ok = await login({ ...staffDeps(app), ipHash: requestIpHash(event, app) }, body)
  setSessionCookie(event, app, ok.token, ok.expiresAt)
  setHeader(event, 'cache-control', 'no-store')
  return { user: toStaffUserDto(ok.user) }
})
