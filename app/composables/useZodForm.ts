// One zod schema for the form and the route: the form validates with the schema the API parses,
// maps issues to fields, and maps the API's answer (VALIDATION issues, or a code tied to a field)
// back onto the same fields. Written once here instead of in every form.
// Light pages (issue 14): the schema may be given as a loader (`() => import(…)`), fetched when the
// form is first checked, and the API-error mapping (with the error catalogue) is loaded only when
// an API error has to be shown, so neither zod nor the catalogue is in a page's first load.
import type { z } from 'zod'
import { issuesToErrors, type FieldErrors } from '../utils/form-issues'

/** A schema, or a loader for it (a dynamic import): the form loads it when it is first checked. */
export type SchemaOrLoader<S extends z.ZodType> = S | (() => Promise<S>)

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

export function useZodForm<S extends z.ZodType, V extends object>(schemaOrLoader: SchemaOrLoader<S>, initial: () => V, options: ZodFormOptions<V> = {}) {
  let schema: S | undefined = typeof schemaOrLoader === 'function' ? undefined : schemaOrLoader
  /** Loads the schema if it was given as a loader (before the first `validate`). */
  async function ensureSchema(): Promise<S> {
    schema ??= await (schemaOrLoader as () => Promise<S>)()
    return schema
  }
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

  /** Validates with the schema (loaded: see ensureSchema); sets `errors`; the parsed output when valid. */
  function validate(): z.output<S> | undefined {
    if (!schema) throw new Error('useZodForm: the schema is not loaded yet (await ensureSchema() first)')
    const res = schema.safeParse(toInput(values as V))
    errors.value = res.success ? {} : issuesToErrors(res.error.issues)
    return res.success ? res.data : undefined
  }

  async function setServerError(err: unknown) {
    const [{ serverFieldErrors }, { apiErrorMessage }] = await Promise.all([import('../utils/form-errors'), import('../utils/api-errors')])
    errors.value = { ...serverFieldErrors(err, options.codeFields), ...options.serverErrors?.(err) }
    formError.value = apiErrorMessage(err)
    failedSubmits.value++
  }

  /** A submit handler: validate, then `send` the parsed value; API errors land on the fields. */
  function handleSubmit(send: (data: z.output<S>, values: V) => Promise<unknown> | unknown) {
    return async (event?: Event) => {
      event?.preventDefault()
      formError.value = ''
      await ensureSchema()
      const data = validate()
      if (data === undefined) {
        failedSubmits.value++
        return
      }
      submitting.value = true
      try {
        await send(data, values as V)
      } catch (err) {
        await setServerError(err)
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

  return { values, errors, formError, submitting, failedSubmits, ensureSchema, validate, handleSubmit, setServerError, applyFlash, reset, fieldId, fieldAttrs }
}
