// What a production error response may say. A 5xx never carries an internal error's message or
// data (CVE-2026-128075: Nuxt 4.5.2 puts a thrown error's message and data in the error payload and
// on the HTML error page): its message becomes the catalogue's generic sentence (INTERNAL) and its
// data that code (a catalogued code whose own status is that 5xx keeps its public text). 4xx answers are
// the portal's own clear messages and pass unchanged. Framework-free.
import { errorCatalogue, isErrorCode } from '../../../shared/errors'

export const GENERIC_ERROR_MESSAGE = errorCatalogue.INTERNAL.message

export interface PublicErrorPayload {
  statusMessage: string
  message: string
  data: { code: string, message: string }
}

/** The public payload of a server-side (>= 500) error, or null for a 4xx (shown as it is). */
export function publicServerError(status: number, data: unknown): PublicErrorPayload | null {
  if (!(status >= 500)) return null
  // A catalogued code whose own status is this 5xx is public (none is today); anything else is internal.
  const code = (data as { code?: unknown } | null | undefined)?.code
  const entry = isErrorCode(code) ? (errorCatalogue[code] as { status: number, message: string }) : undefined
  if (entry && entry.status === status && code !== 'INTERNAL') {
    return { statusMessage: status === 503 ? 'Service Unavailable' : 'Internal Server Error', message: entry.message, data: { code: code as string, message: entry.message } }
  }
  return { statusMessage: 'Internal Server Error', message: GENERIC_ERROR_MESSAGE, data: { code: 'INTERNAL', message: GENERIC_ERROR_MESSAGE } }
}
