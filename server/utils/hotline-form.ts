// The hotline console's forms without JavaScript: the call or callback a form under
// /forms/hotline/{calls,callbacks}/[id]/… is about, and where the console answers it: the call's
// panel (edit, screening, application and booking), the callback queue of the day shown, or the
// call form. Used by server/routes/forms/hotline/** (all through defineStaffFormHandler).
import type { H3Event } from 'h3'
import { hotlineIdParams } from '../../shared/schemas/hotline'
import { calendarDate } from '../../shared/schemas/zod'
import { field, type FormFields } from './form-post'

/** The call (or callback) id of the route, or '' (then the console answers 404 through the service, or the route refuses first). */
export function hotlineFormCallId(event: H3Event): string {
  return hotlineIdParams.safeParse(getRouterParams(event)).data?.id ?? ''
}

/** The console with the call's panel open, at one of its sections. */
export function hotlineCallPanel(id: string, anchor: string): string {
  return id ? `/staff/hotline?open=${id}#${anchor}` : `/staff/hotline#hl-recent-title`
}

/** The console's callback queue of the day the form showed (its `date` field), at the route's callback, with `q` added. */
export function hotlineQueueWith(event: H3Event, fields: FormFields, q: Record<string, string>): string {
  const id = hotlineFormCallId(event)
  if (!id) return `/staff/hotline?${new URLSearchParams(q)}`
  const date = calendarDate().safeParse(field(fields, 'date')).data
  return `/staff/hotline?${new URLSearchParams({ ...(date ? { date } : {}), ...q, callback: id })}#hl-queue-title`
}

/** The console's call form with `q` added (a refusal; `pending` names a call already saved that still wants a callback window). */
export function hotlineCallFormWith(q: Record<string, string>): string {
  return `/staff/hotline?${new URLSearchParams(q)}#hl-form-title`
}
