// Field errors from zod issues, without the error catalogue: the form kit checks fields with this
// on every page, and loads the API-error mapping (form-errors.ts, which brings the catalogue) only
// when an answer from the API has to be shown (light pages, issue 14).
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
