import { outcomeCodeBody, outcomeCodeFormBody } from '#shared/schemas/hotline'
import { saveOutcomeCode } from '~~/server/domain/hotline/service'

// 新增 / 修改 a 12348 处理结果 without JavaScript (issue 8; with it, the page posts JSON to
// POST /api/staff/admin/hotline-outcomes): the same schema, service and audit, then 303 back to the
// list with the notice, or to the form (still editing that code) with the message and what was typed.
const page = (editing?: string) => (editing && /^[a-z][a-z0-9_]{1,39}$/.test(editing) ? `/staff/admin/hotline-outcomes?edit=${editing}` : '/staff/admin/hotline-outcomes')

export default defineStaffFormHandler({ form: 'hotline-outcomes', roles: ['admin'], back: (_e, f) => page(field(f, 'editing')) }, async ({ event, actor, fields, app }) => {
  const body = outcomeCodeBody.parse(outcomeCodeFormBody(name => field(fields, name)))
  const saved = await saveOutcomeCode(hotlineDeps(app, requestIpHash(event, app)), body, actor)
  return { to: '/staff/admin/hotline-outcomes', notice: `已保存“${saved.label}”。` }
})
