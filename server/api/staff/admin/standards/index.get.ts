import type { HardshipStandardAdminDto } from '#shared/types/applications'
import { listStandardsAudited } from '~~/server/domain/eligibility/standards-admin'

export default defineApiHandler(async (event): Promise<HardshipStandardAdminDto[]> => {
  const actor = await requireStaff(event, ['admin'])
  const app = await useApp()
  return listStandardsAudited(app.db, { id: actor.id, role: actor.role }, requestIpHash(event, app))
})
