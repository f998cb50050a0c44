import type { StaffCaseDto } from '#shared/types/cases'
import { caseIdParams } from '#shared/schemas/case-editor'
import { toStaffCaseDto } from '~~/server/domain/cases/dto'
import { caseStatuteIds } from '~~/server/repositories/cases'
import { unpublishCase } from '~~/server/services/case-editor'

export default defineApiHandler(async (event): Promise<StaffCaseDto> => {
  const deps = await editorDeps(event)
  const { id } = await getValidatedRouterParams(event, caseIdParams.parse)
  const row = await unpublishCase(deps, id)
  return toStaffCaseDto(row, await caseStatuteIds(deps.db, id))
})
