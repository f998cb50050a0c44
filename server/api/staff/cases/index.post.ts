import type { StaffCaseDto } from '#shared/types/cases'
import { createCaseBody } from '#shared/schemas/case-editor'
import { toStaffCaseDto } from '../../../domain/cases/dto'
import { createDraftCase } from '../../../services/case-editor'

/** A new case is always a draft: invisible to the public until published. */
export default defineApiHandler(async (event): Promise<StaffCaseDto> => {
  const deps = await editorDeps(event)
  const body = await readValidatedBody(event, createCaseBody.parse)
  const row = await createDraftCase(deps, body)
  setResponseStatus(event, 201)
  return toStaffCaseDto(row, body.statuteIds)
})
