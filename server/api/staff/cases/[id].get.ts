import type { StaffCaseDto } from '#shared/types/cases'
import { caseIdParams } from '#shared/schemas/case-editor'
import { getStaffCase } from '~~/server/domain/cases/service'

export default defineApiHandler(async (event): Promise<StaffCaseDto> => {
  await requireStaff(event, ['editor'])
  const { id } = await getValidatedRouterParams(event, caseIdParams.parse)
  return getStaffCase(await caseDeps(event), { id })
})
