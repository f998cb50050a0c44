// Sign out without JavaScript: the console's sign-out button is a form posting here (with
// JavaScript the page calls POST /api/auth/logout). Same service, then 303 to the sign-in page.
import { logout } from '~~/server/domain/staff/service'

export default defineEventHandler(async (event) => {
  await readFormFields(event)
  const app = await useApp()
  const actor = await optionalActor(event)
  if (actor) await logout(staffDeps(app, requestIpHash(event, app)), {}, actor)
  clearSessionCookie(event, app)
  return formDone(event, '/staff/login')
})
