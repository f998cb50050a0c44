// Error code → Chinese message, for any $fetch error from the portal's API. Reused by every page.
// The sentences come from the one catalogue the server also answers from (shared/errors).
import { errorMessage, isErrorCode, withFullStop } from '~~/shared/errors'

const HOTLINE_HINT = '如果问题持续，请拨打 12348 公共法律服务热线。'

interface FetchErrorLike { statusCode?: number, status?: number, data?: { data?: { code?: unknown, message?: unknown }, code?: unknown, message?: unknown } }

const hasChinese = (s: unknown): s is string => typeof s === 'string' && /[\u4e00-\u9fff]/.test(s)

/** The API's stable error code (`data.data.code` of a $fetch error), if any. */
export function apiErrorCode(err: unknown): string | undefined {
  const e = err as FetchErrorLike | undefined
  const code = e?.data?.data?.code ?? e?.data?.code
  return typeof code === 'string' ? code : undefined
}

/**
 * A Chinese sentence for the user; never shows raw server text that is not meant for users. For a
 * catalogued code the server's sentence is the catalogue's, or a more precise one for the same code
 * (which password rule failed, why a transition is refused), so it wins; else the catalogue's.
 */
export function apiErrorMessage(err: unknown): string {
  const e = err as FetchErrorLike | undefined
  const code = apiErrorCode(err)
  const serverMessage = e?.data?.data?.message
  if (isErrorCode(code)) return hasChinese(serverMessage) ? withFullStop(serverMessage) : errorMessage(code)!
  if (code && hasChinese(serverMessage)) return withFullStop(serverMessage)
  const status = e?.statusCode ?? e?.status
  if (status === 429) return `操作过于频繁，请稍后再试。${HOTLINE_HINT}`
  if (status !== undefined && status >= 500) return `服务暂时不可用，请稍后再试。${HOTLINE_HINT}`
  return `操作没有成功，请稍后再试。${HOTLINE_HINT}`
}
