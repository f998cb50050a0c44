import { addStandardBody } from '#shared/schemas/hardship-standards'
import type { HardshipStandardAdminDto } from '#shared/types/applications'
import { addHardshipStandard } from '~~/server/domain/eligibility/service'

// A new 经济困难标准 version; screenings on this instance use it at once, others within a minute.
export default defineApiHandler(async (event): Promise<HardshipStandardAdminDto> => {
  const actor = await requireStaff(event, ['admin'])
  const body = await readValidatedBody(event, addStandardBody.parse)
  const app = await useApp()
  const created = await addHardshipStandard(standardsDeps(event, app), body, actor)
  setResponseStatus(event, 201)
  return created
})
