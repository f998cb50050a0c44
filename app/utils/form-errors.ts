// Field errors of a form, from zod issues (in the browser) or the API's answer (VALIDATION issues,
// or a code that belongs to one field). Used by useZodForm (loaded when an API answer is shown);
// plain functions, unit-tested. The zod half is ./form-issues.ts.
import { apiErrorCode, apiErrorMessage } from './api-errors'
import { issuesToErrors, type FieldErrors } from './form-issues'

/** Field errors carried by an API error: its VALIDATION issues, plus a code the form ties to a field. */
export function serverFieldErrors(err: unknown, codeFields: Record<string, string> = {}): FieldErrors {
  const data = (err as { data?: { data?: { issues?: Array<{ path: string, message: string }> } } })?.data?.data
  const out = issuesToErrors(data?.issues ?? [])
  const code = apiErrorCode(err)
  if (code && codeFields[code]) out[codeFields[code]] ??= apiErrorMessage(err)
  return out
}
