import { auditQuery } from '#shared/schemas/staff'
import type { AuditEntryDto, Page } from '#shared/types/staff'
import { toAuditEntryDto } from '~~/server/domain/staff/dto'
import { auditActorOf } from '~~/server/domain/staff/service'
import { actorNames, listAudit, writeAudit } from '~~/server/repositories/audit'

export default defineApiHandler(async (event): Promise<Page<AuditEntryDto>> => {
  const actor = await requireStaff(event, ['admin'])
  const q = await getValidatedQuery(event, auditQuery.parse)
  const app = await useApp()
  const ipHash = requestIpHash(event, app)
  // Reading the audit log is itself audited, in the same transaction as the read.
  const { rows, total, names } = await app.db.transaction(async (tx) => {
    const res = await listAudit(tx, { action: q.action, actorId: q.actorId }, q.limit, (q.page - 1) * q.limit)
    await writeAudit(tx, { actor: auditActorOf(actor), action: 'audit.read', objectType: 'audit_log', ipHash, detail: { page: q.page, limit: q.limit, filtered: Boolean(q.action || q.actorId) } })
    return { ...res, names: await actorNames(tx, res.rows.flatMap(r => (r.actorId ? [r.actorId] : []))) }
  })
  return { items: rows.map(r => toAuditEntryDto(r, r.actorId ? names.get(r.actorId) : undefined)), page: q.page, limit: q.limit, total }
})
