// Field errors of a form, from zod issues (in the browser) or the API's answer (VALIDATION issues,
// or a code that belongs to one field). Used by useZodForm; plain functions, unit-tested.
import { apiErrorCode, apiErrorMessage } from './api-errors'

export type FieldErrors = Record<string, string>

/** Field → first message. A zod path's first segment names the field ('form' for the whole form). */
export function issuesToErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> | string, message: string }>): FieldErrors {
  const out: FieldErrors = {}
  for (const i of issues) {
    const first = typeof i.path === 'string' ? i.path.split('.')[0] : i.path[0]
    out[String(first ?? '') || 'form'] ??= i.message
  }
  return out
}

/** Field errors carried by an API error: its VALIDATION issues, plus a code the form ties to a field. */
export function serverFieldErrors(err: unknown, codeFields: Record<string, string> = {}): FieldErrors {
  const data = (err as { data?: { data?: { issues?: Array<{ path: string, message: string }> } } })?.data?.data
  const out = issuesToErrors(data?.issues ?? [])
  const code = apiErrorCode(err)
  if (code && codeFields[code]) out[codeFields[code]] ??= apiErrorMessage(err)
  return out
}
