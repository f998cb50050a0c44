import type { StaffCaseDto } from '#shared/types/cases'
import { caseIdParams, updateCaseBody } from '#shared/schemas/case-editor'
import { updateDraftOrPublishedCase } from '~~/server/domain/cases/service'

export default defineApiHandler(async (event): Promise<StaffCaseDto> => {
  const actor = await requireStaff(event, ['editor'])
  const { id } = await getValidatedRouterParams(event, caseIdParams.parse)
  const body = await readValidatedBody(event, updateCaseBody.parse)
  return updateDraftOrPublishedCase(await caseDeps(event), { ...body, id }, actor)
})
