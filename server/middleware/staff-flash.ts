// A console page loaded after a form's redirect (server/utils/staff-form.ts) gets that form's
// one-time flash: opened here, cleared in the same response, read by the page's useStaffFlash.
import { normalizedPath } from '../domain/http/request-guards'

export default defineEventHandler(async (event) => {
  if (event.method !== 'GET') return
  const path = normalizedPath(event.path)
  if (path !== '/staff' && !path.startsWith('/staff/')) return
  if (getCookie(event, `${STAFF_FLASH_COOKIE}0`) === undefined) return
  event.context.staffFlash = await takeStaffFlash(event)
})
