// The state every console form shares that also posts without JavaScript (defineStaffFormHandler,
// server/utils/staff-form.ts): what the one-time flash brought back after a plain POST (the
// refusal, its field messages, a notice, what was typed, a result) and sending the same form with
// JavaScript (busy while it runs, a refusal in words). Used by the hotline call panel's forms.
export function useConsoleForm(form: string, opts: { fieldsInError?: boolean } = {}) {
  const { flash, value } = useStaffFlash(form)
  const refusal = flash?.error ? [flash.error.message, ...(opts.fieldsInError ? Object.values(flash.fields ?? {}) : [])].join(' ') : ''
  /** The form's sentence (role=alert): the refusal, with each field's message when `fieldsInError`. */
  const error = ref(refusal)
  /** Field → message, from the flash or from the browser's own check (invalid). */
  const fieldErrors = ref<Record<string, string>>(flash?.fields ?? {})
  const note = ref(flash?.notice ?? '')
  const busy = ref(false)

  /** The browser's own check failed: each field's first message, and the first one as the form's sentence. */
  function invalid(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>, message: string }>) {
    for (const i of issues) fieldErrors.value[String(i.path[0])] ??= i.message
    error.value = issues[0]?.message ?? '填写的内容有误'
  }

  /** Sends the form with JavaScript: busy meanwhile; a refusal becomes the form's sentence (then `refused`). */
  async function send(run: () => Promise<void>, refused?: (e: unknown) => void | Promise<void>) {
    busy.value = true
    try {
      await run()
    } catch (e) {
      error.value = apiErrorMessage(e)
      await refused?.(e)
    } finally {
      busy.value = false
    }
  }

  return { flash, value, error, fieldErrors, note, busy, invalid, send }
}
