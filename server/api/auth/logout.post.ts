import { logout } from '../../domain/staff/service'

export default defineApiHandler(async (event): Promise<{ ok: true }> => {
  const app = await useApp()
  const actor = await optionalActor(event)
  if (actor) await logout(staffDeps(app, requestIpHash(event, app)), {}, actor)
  clearSessionCookie(event, app)
  return { ok: true }
})
