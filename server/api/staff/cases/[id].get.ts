import type { StaffCaseDto } from '#shared/types/cases'
import { caseIdParams } from '#shared/schemas/case-editor'
import { toStaffCaseDto } from '../../../domain/cases/dto'
import { DomainError } from '../../../domain/errors'
import { caseStatuteIds, getCase } from '../../../repositories/cases'

export default defineApiHandler(async (event): Promise<StaffCaseDto> => {
  const { db } = await editorDeps(event)
  const { id } = await getValidatedRouterParams(event, caseIdParams.parse)
  const row = await getCase(db, id)
  if (!row) throw new DomainError('CASE_NOT_FOUND')
  return toStaffCaseDto(row, await caseStatuteIds(db, id))
})
