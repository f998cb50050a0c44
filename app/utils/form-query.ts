// The answer of a form that was posted without JavaScript comes back in the page's query:
// `?error=CODE` (and `&field=name` for a field's check). Turned here into the sentence the page
// shows; the sentences come from the one error catalogue (shared/errors) and the page's own
// field messages, never from the URL itself.
import { errorMessage } from '~~/shared/errors'

export interface QueryError { code: string, field?: string, message: string }

/** The error a form post left in the query, if any. `fieldMessages` says what a failed field needs. */
export function queryError(query: Record<string, unknown>, fieldMessages: Record<string, string> = {}): QueryError | null {
  const code = typeof query.error === 'string' && /^[A-Z_]{2,40}$/.test(query.error) ? query.error : undefined
  if (!code) return null
  const field = typeof query.field === 'string' && /^[A-Za-z]{1,30}$/.test(query.field) ? query.field : undefined
  const message = (field && fieldMessages[field]) || errorMessage(code) || '操作没有成功，请稍后再试，或拨打 12348。'
  return { code, field, message }
}

/** A link of this site as a path (a manage link is absolute when a site address is configured). */
export const sitePath = (url: string) => url.replace(/^https?:\/\/[^/]+/, '')
