// The hotline console's forms without JavaScript: the call a form under /forms/hotline/calls/[id]/…
// is about, and where the console shows that call opened (its panel with edit, screening,
// application and booking). Used by server/routes/forms/hotline/**.
import type { H3Event } from 'h3'
import { hotlineIdParams } from '../../shared/schemas/hotline'

/** The call id of the route, or '' (then the console answers 404 CALL_NOT_FOUND through the service). */
export function hotlineFormCallId(event: H3Event): string {
  return hotlineIdParams.safeParse(getRouterParams(event)).data?.id ?? ''
}

/** The console with the call's panel open, at one of its sections. */
export function hotlineCallPanel(id: string, anchor: string): string {
  return id ? `/staff/hotline?open=${id}#${anchor}` : `/staff/hotline#hl-recent-title`
}
