import { logout } from '../../domain/staff/service'

export default defineApiHandler(async (event): Promise<{ ok: true }> => {
  const app = await useApp()
  const actor = await optionalActor(event)
  if (actor) await logout(staffDeps(app), actor, requestIpHash(event, app))
  clearSessionCookie(event, app)
  return { ok: true }
})
