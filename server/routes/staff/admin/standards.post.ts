import { addStandardBody, standardFormBody } from '#shared/schemas/hardship-standards'
import { addHardshipStandard } from '~~/server/domain/eligibility/service'

// 添加新版本 of the 经济困难标准 without JavaScript (issue 8; with it, the page posts JSON to
// POST /api/staff/admin/standards): the same conversion, schema, service and audit, then 303 back
// to the list with the notice, or with each field's message and what was typed.
export default defineStaffFormHandler({ form: 'standards', roles: ['admin'], back: () => '/staff/admin/standards' }, async ({ event, actor, fields, app }) => {
  const body = addStandardBody.parse(standardFormBody(name => field(fields, name)))
  await addHardshipStandard(standardsDeps(event, app), body, actor)
  return { to: '/staff/admin/standards', notice: '已添加新版本，测评将按生效日期使用它。' }
})
