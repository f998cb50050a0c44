import { outboxIdParams } from '#shared/schemas/staff'
import { DomainError } from '~~/server/domain/errors'
import { auditActorOf } from '~~/server/domain/staff/service'
import { writeAudit } from '~~/server/repositories/audit'
import { retryOutbox } from '~~/server/repositories/search-outbox'

export default defineApiHandler(async (event): Promise<{ ok: true }> => {
  const actor = await requireStaff(event, ['admin'])
  const { id } = await getValidatedRouterParams(event, outboxIdParams.parse)
  const app = await useApp()
  const ipHash = requestIpHash(event, app)
  await app.db.transaction(async (tx) => {
    if (!await retryOutbox(tx, id)) throw new DomainError('OUTBOX_NOT_DEAD')
    await writeAudit(tx, { actor: auditActorOf(actor), action: 'outbox.retry', objectType: 'search_outbox', objectId: String(id), ipHash })
  })
  return { ok: true }
})
