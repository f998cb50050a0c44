import type { StaffCaseDto } from '#shared/types/cases'
import { caseIdParams, updateCaseBody } from '#shared/schemas/case-editor'
import { toStaffCaseDto } from '../../../domain/cases/dto'
import { updateDraftOrPublishedCase } from '../../../services/case-editor'

export default defineApiHandler(async (event): Promise<StaffCaseDto> => {
  const deps = await editorDeps(event)
  const { id } = await getValidatedRouterParams(event, caseIdParams.parse)
  const body = await readValidatedBody(event, updateCaseBody.parse)
  const row = await updateDraftOrPublishedCase(deps, id, body)
  return toStaffCaseDto(row, body.statuteIds)
})
