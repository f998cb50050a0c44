import { callerLookupBody } from '#shared/schemas/hotline'
import { lookupCaller } from '~~/server/domain/hotline/service'

// Caller history without JavaScript: audited look-up with its purpose, the masked result handed to the
// console once in the sealed flash (never in the URL); the ten newest of each list.
const SHOWN = 10
export default defineStaffFormHandler({ form: 'hotline-lookup', roles: ['operator'], back: () => '/staff/hotline#hl-lookup-title' }, async ({ event, actor, fields, app }) => {
  const body = callerLookupBody.parse({ phone: field(fields, 'phone') ?? '', purpose: field(fields, 'purpose') ?? '' })
  const r = await lookupCaller(hotlineDeps(app, requestIpHash(event, app)), body, actor)
  const more = r.calls.length > SHOWN || r.appointments.length > SHOWN || r.applications.length > SHOWN
  return { to: '/staff/hotline#hl-history-title', data: { ...r, calls: r.calls.slice(0, SHOWN), appointments: r.appointments.slice(0, SHOWN), applications: r.applications.slice(0, SHOWN), more } }
})
