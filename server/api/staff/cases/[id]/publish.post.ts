import type { StaffCaseDto } from '#shared/types/cases'
import { caseIdParams } from '#shared/schemas/case-editor'
import { publishCase } from '~~/server/domain/cases/service'

export default defineApiHandler(async (event): Promise<StaffCaseDto> => {
  const actor = await requireStaff(event, ['editor'])
  const { id } = await getValidatedRouterParams(event, caseIdParams.parse)
  return publishCase(await caseDeps(event), { id }, actor)
})
