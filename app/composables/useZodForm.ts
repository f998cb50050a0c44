// One zod schema for the form and the route: the form validates with the schema the API parses,
// maps issues to fields, and maps the API's answer (VALIDATION issues, or a code tied to a field)
// back onto the same fields. Written once here instead of in every form.
import type { z } from 'zod'
import { apiErrorMessage } from '../utils/api-errors'
import { issuesToErrors, serverFieldErrors, type FieldErrors } from '../utils/form-errors'

export interface ZodFormOptions<V> {
  /** Turns the form's values into the schema's input (e.g. split lines into a list). Default: as is. */
  toInput?: (values: V) => unknown
  /** API error codes that belong to one field, e.g. { SLUG_TAKEN: 'slug' }. */
  codeFields?: Record<string, string>
  /** Extra field errors from the API beyond issues and codeFields (e.g. which statute ids are unknown). */
  serverErrors?: (err: unknown) => FieldErrors
  /** Id of a field's control: default `${idPrefix}${field}`. */
  idPrefix?: string
}

export function useZodForm<S extends z.ZodType, V extends object>(schema: S, initial: () => V, options: ZodFormOptions<V> = {}) {
  const values = reactive(initial()) as V
  const errors = ref<FieldErrors>({})
  /** A sentence for the whole form (not tied to a field): the API's message. */
  const formError = ref('')
  const submitting = ref(false)
  /** Counts failed submits; the ErrorSummary takes focus when it changes. */
  const failedSubmits = ref(0)
  const idPrefix = options.idPrefix ?? 'f-'
  const fieldId = (field: string) => `${idPrefix}${field}`
  const toInput = options.toInput ?? ((v: V): unknown => v)

  /** Validates with the schema; sets `errors`; the parsed output when valid. */
  function validate(): z.output<S> | undefined {
    const res = schema.safeParse(toInput(values as V))
    errors.value = res.success ? {} : issuesToErrors(res.error.issues)
    return res.success ? res.data : undefined
  }

  function setServerError(err: unknown) {
    errors.value = { ...serverFieldErrors(err, options.codeFields), ...options.serverErrors?.(err) }
    formError.value = apiErrorMessage(err)
    failedSubmits.value++
  }

  /** A submit handler: validate, then `send` the parsed value; API errors land on the fields. */
  function handleSubmit(send: (data: z.output<S>, values: V) => Promise<unknown> | unknown) {
    return async (event?: Event) => {
      event?.preventDefault()
      formError.value = ''
      const data = validate()
      if (data === undefined) {
        failedSubmits.value++
        return
      }
      submitting.value = true
      try {
        await send(data, values as V)
      } catch (err) {
        setServerError(err)
      } finally {
        submitting.value = false
      }
    }
  }

  /**
   * The answer a console form posted without JavaScript came back with (the staff flash, see
   * useStaffFlash): field messages onto their fields, a code tied to a field (codeFields) onto it,
   * any other refusal as the form's sentence.
   */
  function applyFlash(flash: { error?: { code: string, message: string }, fields?: Record<string, string> } | null | undefined) {
    if (!flash?.error) return
    const field = options.codeFields?.[flash.error.code]
    errors.value = { ...flash.fields, ...(field ? { [field]: flash.error.message } : {}) }
    if (!flash.fields && !field) formError.value = flash.error.message
  }

  function reset(next: V = initial()) {
    Object.assign(values, next)
    errors.value = {}
    formError.value = ''
  }

  /** Attributes for a control: id, aria-invalid, aria-describedby (its error). */
  const fieldAttrs = (field: string) => ({
    'id': fieldId(field),
    'aria-invalid': errors.value[field] ? ('true' as const) : undefined,
    'aria-describedby': errors.value[field] ? `${fieldId(field)}-error` : undefined,
  })

  return { values, errors, formError, submitting, failedSubmits, validate, handleSubmit, setServerError, applyFlash, reset, fieldId, fieldAttrs }
}
