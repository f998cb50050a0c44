import type { StaffCaseListDto } from '#shared/types/cases'
import { staffCaseListQuery } from '#shared/schemas/case-editor'
import { listStaffCases } from '~~/server/domain/cases/service'

export default defineApiHandler(async (event): Promise<StaffCaseListDto> => {
  await requireStaff(event, ['editor'])
  const q = await getValidatedQuery(event, staffCaseListQuery.parse)
  return listStaffCases(await caseDeps(event), q)
})
