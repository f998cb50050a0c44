import { safeReturnPath } from '../../domain/http/form-state'

// 快速离开 and "清除我的回答": drop the resident's form draft (no body; same origin only).
export default defineEventHandler((event) => {
  assertSameOriginForm(event)
  clearFormState(event)
  setHeader(event, 'cache-control', 'no-store')
  if (wantsJson(event)) return { ok: true }
  return sendRedirect(event, safeReturnPath(getQuery(event).back), 303)
})
