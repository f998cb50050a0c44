import { dayRangeQuery } from '#shared/schemas/hotline'
import { exportCalls } from '../../../domain/hotline/service'

// The call log of [from, to] (Asia/Shanghai days) as CSV, masked, formula-safe; audited as hotline_call.export.
export default defineApiHandler(async (event): Promise<string> => {
  const actor = await requireStaff(event, ['supervisor', 'admin'])
  const q = await getValidatedQuery(event, dayRangeQuery.parse)
  const app = await useApp()
  const csv = await exportCalls(hotlineDeps(app, requestIpHash(event, app)), q, actor)
  setHeader(event, 'content-type', 'text/csv; charset=utf-8')
  setHeader(event, 'content-disposition', `attachment; filename="12348-calls-${q.from}-${q.to}.csv"`)
  return csv
})
