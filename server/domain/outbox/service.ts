// The search outbox for administrators: what is pending or dead, and a retry of a dead entry
// (only a dead entry can be retried; the retry is audited in its transaction).
// One signature: verbNoun(deps, input, actor?).
import type { OutboxQuery } from '../../../shared/schemas/staff'
import type { OutboxEntryDto } from '../../../shared/types/staff'
import type { Db } from '../../db/client'
import { writeAudit } from '../../repositories/audit'
import { listOutbox, retryOutbox } from '../../repositories/search-outbox'
import { DomainError } from '../errors'
import { auditActorOf, type ActorRef } from '../platform/actor'
import { toOutboxEntryDto } from '../staff/dto'

export interface OutboxDeps { db: Db, ipHash?: string | null }

export async function listOutboxEntries(deps: Pick<OutboxDeps, 'db'>, input: OutboxQuery): Promise<OutboxEntryDto[]> {
  return (await listOutbox(deps.db, input.status, input.limit, (input.page - 1) * input.limit)).map(toOutboxEntryDto)
}

export async function retryOutboxEntry(deps: OutboxDeps, input: { id: number }, actor: ActorRef): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (!await retryOutbox(tx, input.id)) throw new DomainError('OUTBOX_NOT_DEAD')
    await writeAudit(tx, { actor: auditActorOf(actor), action: 'outbox.retry', objectType: 'search_outbox', objectId: String(input.id), ipHash: deps.ipHash })
  })
}
