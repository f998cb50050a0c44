import { outboxIdParams } from '#shared/schemas/staff'
import { retryOutboxEntry } from '~~/server/domain/outbox/service'

// 重试 a dead search-outbox entry without JavaScript (issue 8; with it, the page posts to
// POST /api/staff/admin/outbox/:id/retry): the same schema, service and audit (outbox.retry), then
// 303 back to the failed list with the notice, or with the message (OUTBOX_NOT_DEAD, a bad id).
export default defineStaffFormHandler({ form: 'outbox', roles: ['admin'], back: () => '/staff/admin/outbox' }, async ({ event, actor, fields, app }) => {
  const { id } = outboxIdParams.parse({ id: field(fields, 'id') })
  await retryOutboxEntry({ db: app.db, ipHash: requestIpHash(event, app) }, { id }, actor)
  return { to: '/staff/admin/outbox', notice: `任务 ${id} 已重新排队。` }
})
