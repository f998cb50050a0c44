import { auditQuery } from '#shared/schemas/staff'
import type { AuditEntryDto, Page } from '#shared/types/staff'
import { readAuditLog } from '~~/server/domain/audit/service'

/** Reading the audit log is itself audited, in the same transaction as the read. */
export default defineApiHandler(async (event): Promise<Page<AuditEntryDto>> => {
  const actor = await requireStaff(event, ['admin'])
  const q = await getValidatedQuery(event, auditQuery.parse)
  const app = await useApp()
  return readAuditLog({ db: app.db, ipHash: requestIpHash(event, app) }, q, actor)
})
