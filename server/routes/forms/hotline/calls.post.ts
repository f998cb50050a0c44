import { logCallBody, logCallFormValues } from '#shared/schemas/hotline'
import { logCall } from '~~/server/domain/hotline/service'

// The call form without JavaScript: <form method="post" action="/forms/hotline/calls"> logs the call
// exactly as POST /api/staff/hotline/calls does (same schema, same service, same audit) and answers
// 303 to the console showing the saved call, or back to the form with the error code. A refused
// callback window keeps the call: the console then offers another window for it (?pending=).
export default defineStaffFormHandler({
  roles: ['operator'],
  refused: (q, { error }) => {
    const saved = (error as { details?: { callSaved?: boolean, callId?: string } }).details
    return hotlineCallFormWith(saved?.callSaved && saved.callId ? { ...q, pending: saved.callId } : q)
  },
}, async ({ event, actor, fields, app }) => {
  const body = logCallBody.parse(logCallFormValues(fields))
  const call = await logCall(hotlineDeps(app, requestIpHash(event, app)), body, actor)
  return { to: `/staff/hotline?logged=${call.id}#hl-logged` }
})
