// A kit form that is also a real <form method="post"> working without JavaScript: the form route
// answers 303 back to the page with `?error=CODE&field=name` (server/utils/appointments.ts
// formErrorQuery), and this puts that answer on the same fields and the same ErrorSummary as the
// kit's own checks. With JavaScript, `check` validates with the route's schema first and then lets
// the browser post the form (no fetch: the server's redirect decides where the page goes).
import type { z } from 'zod'
import { queryError } from '../utils/form-query'
import { useZodForm, type ZodFormOptions } from './useZodForm'

export function usePostedForm<S extends z.ZodType, V extends object>(
  schema: S, initial: () => V, options: ZodFormOptions<V> & { fieldMessages?: Record<string, string> } = {},
) {
  const route = useRoute()
  const form = useZodForm(schema, initial, options)
  /** The error the last post came back with (from the address), if any. */
  const failed = computed(() => queryError(route.query, options.fieldMessages))
  /** A field's message: the kit's own check first, else the server's answer for that field. */
  const errorOf = (field: string) => form.errors.value[field] ?? (failed.value?.field === field ? failed.value.message : undefined)
  const summaryErrors = computed(() => (failed.value?.field && !Object.keys(form.errors.value).length ? { [failed.value.field]: failed.value.message } : form.errors.value))
  const formError = computed(() => form.formError.value || (failed.value && !failed.value.field ? failed.value.message : ''))
  /** The form's submit listener: stops the post and sums up the errors when the schema refuses. */
  function check(e: Event) {
    if (form.validate() === undefined) {
      e.preventDefault()
      form.failedSubmits.value++
    }
  }
  return { form, failed, errorOf, summaryErrors, formError, check }
}
