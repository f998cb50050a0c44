import type { StaffCaseListDto } from '#shared/types/cases'
import { staffCaseListQuery } from '#shared/schemas/case-editor'
import { listCasesForStaff } from '../../../repositories/cases'

export default defineApiHandler(async (event): Promise<StaffCaseListDto> => {
  const { db } = await editorDeps(event)
  const q = await getValidatedQuery(event, staffCaseListQuery.parse)
  const { rows, total } = await listCasesForStaff(db, { status: q.status, limit: q.limit, offset: (q.page - 1) * q.limit })
  return {
    items: rows.map(r => ({ id: r.id, slug: r.slug, title: r.title, category: r.category, status: r.status, kind: r.kind, isDemo: r.isDemo, version: r.version, updatedAt: r.updatedAt.toISOString() })),
    total,
  }
})
