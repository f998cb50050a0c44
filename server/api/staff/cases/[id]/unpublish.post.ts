import type { StaffCaseDto } from '#shared/types/cases'
import { caseIdParams } from '#shared/schemas/case-editor'
import { unpublishCase } from '~~/server/domain/cases/service'

export default defineApiHandler(async (event): Promise<StaffCaseDto> => {
  const actor = await requireStaff(event, ['editor'])
  const { id } = await getValidatedRouterParams(event, caseIdParams.parse)
  return unpublishCase(await caseDeps(event), { id }, actor)
})
