// Reading the audit log. Reading it is itself audited, in the same transaction as the read.
// One signature: verbNoun(deps, input, actor?).
import type { AuditQuery } from '../../../shared/schemas/staff'
import type { AuditEntryDto, Page } from '../../../shared/types/staff'
import type { Db } from '../../db/client'
import { actorNames, listAudit, writeAudit } from '../../repositories/audit'
import { auditActorOf, type ActorRef } from '../platform/actor'
import { toAuditEntryDto } from '../staff/dto'

export interface AuditReadDeps { db: Db, ipHash?: string | null }

export async function readAuditLog(deps: AuditReadDeps, input: AuditQuery, actor: ActorRef): Promise<Page<AuditEntryDto>> {
  const { rows, total, names } = await deps.db.transaction(async (tx) => {
    const res = await listAudit(tx, { action: input.action, actorId: input.actorId }, input.limit, (input.page - 1) * input.limit)
    await writeAudit(tx, { actor: auditActorOf(actor), action: 'audit.read', objectType: 'audit_log', ipHash: deps.ipHash, detail: { page: input.page, limit: input.limit, filtered: Boolean(input.action || input.actorId) } })
    return { ...res, names: await actorNames(tx, res.rows.flatMap(r => (r.actorId ? [r.actorId] : []))) }
  })
  return { items: rows.map(r => toAuditEntryDto(r, r.actorId ? names.get(r.actorId) : undefined)), page: input.page, limit: input.limit, total }
}
