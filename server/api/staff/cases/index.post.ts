import type { StaffCaseDto } from '#shared/types/cases'
import { createCaseBody } from '#shared/schemas/case-editor'
import { createDraftCase } from '~~/server/domain/cases/service'

/** A new case is always a draft: invisible to the public until published. */
export default defineApiHandler(async (event): Promise<StaffCaseDto> => {
  const actor = await requireStaff(event, ['editor'])
  const body = await readValidatedBody(event, createCaseBody.parse)
  const created = await createDraftCase(await caseDeps(event), body, actor)
  setResponseStatus(event, 201)
  return created
})
