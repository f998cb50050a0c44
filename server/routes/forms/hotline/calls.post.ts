import { logCallBody, logCallFormValues } from '#shared/schemas/hotline'
import { logCall } from '~~/server/domain/hotline/service'

// The call form without JavaScript: <form method="post" action="/forms/hotline/calls"> logs the call
// exactly as POST /api/staff/hotline/calls does (same schema, same service, same audit) and answers
// 303 to the console showing the saved call, or back to the form with the error code. A refused
// callback window keeps the call: the console then offers another window for it (?pending=).
export default defineEventHandler(async (event) => {
  const actor = await requireStaff(event, ['operator'])
  const f = await readFormFields(event)
  try {
    const body = logCallBody.parse(logCallFormValues(f))
    const app = await useApp()
    const call = await logCall(hotlineDeps(app, requestIpHash(event, app)), body, actor)
    return formDone(event, `/staff/hotline?logged=${call.id}#hl-logged`)
  } catch (e) {
    const q = formErrorQuery(e)
    const saved = (e as { details?: { callSaved?: boolean, callId?: string } }).details
    if (saved?.callSaved && saved.callId) q.pending = saved.callId
    return formDone(event, `/staff/hotline?${new URLSearchParams(q)}#hl-form-title`)
  }
})
