// What a production error response may say. A 5xx never carries an internal error's message or
// data (CVE-2026-128075: Nuxt 4.5.2 puts a thrown error's message and data in the error payload and
// on the HTML error page): its message becomes one generic Chinese sentence and its data at most a
// catalogued error code. 4xx answers are the portal's own clear messages and pass unchanged.
// Framework-free.

export const GENERIC_ERROR_MESSAGE = '系统出现内部错误，请稍后再试。如有急事，请拨打 12348 公共法律服务热线。'
export const UNAVAILABLE_MESSAGE = '服务暂时不可用，请稍后再试。如有急事，请拨打 12348 公共法律服务热线。'

export interface PublicErrorPayload {
  statusMessage: string
  message: string
  data: { code: string, message: string }
}

/** An error code from the portal's catalogue (SCREAMING_SNAKE), as a deliberate 503 carries it. */
const CATALOGUE_CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/

/** The public payload of a server-side (>= 500) error, or null for a 4xx (shown as it is). */
export function publicServerError(status: number, data: unknown): PublicErrorPayload | null {
  if (!(status >= 500)) return null
  const code = (data as { code?: unknown } | null | undefined)?.code
  if (status === 503) {
    return {
      statusMessage: 'Service Unavailable',
      message: UNAVAILABLE_MESSAGE,
      data: { code: typeof code === 'string' && CATALOGUE_CODE.test(code) ? code : 'SERVICE_UNAVAILABLE', message: UNAVAILABLE_MESSAGE },
    }
  }
  return { statusMessage: 'Internal Server Error', message: GENERIC_ERROR_MESSAGE, data: { code: 'INTERNAL_ERROR', message: GENERIC_ERROR_MESSAGE } }
}
