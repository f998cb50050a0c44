import { dayRangeQuery } from '#shared/schemas/hotline'
import type { DashboardDto } from '#shared/types/dashboard'
import { readDashboard } from '~~/server/domain/dashboard/service'

// The supervisor dashboard for [from, to] (Asia/Shanghai days); supervisors and admins only; audited as dashboard.read.
export default defineApiHandler(async (event): Promise<DashboardDto> => {
  const actor = await requireStaff(event, ['supervisor', 'admin'])
  const q = await getValidatedQuery(event, dayRangeQuery.parse)
  const app = await useApp()
  return readDashboard({ db: app.db, now: () => new Date(), ipHash: requestIpHash(event, app) }, q, actor)
})
