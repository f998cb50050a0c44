import { safeReturnPath } from '../../domain/http/form-state'

// 长辈版 switch without JavaScript: the header's button posts here, the cookie is set and the same
// page comes back (303). With JavaScript the page flips the cookie itself (same cookie).
export default defineEventHandler(async (event) => {
  const f = await readFormFields(event)
  const on = field(f, 'large_text') === '1'
  setCookie(event, 'large_text', on ? '1' : '0', { maxAge: 60 * 60 * 24 * 365, sameSite: 'lax', path: '/' })
  return formDone(event, safeReturnPath(field(f, 'back')))
})
