import { addStandardBody } from '#shared/schemas/hardship-standards'
import type { HardshipStandardAdminDto } from '#shared/types/applications'
import { addStandard } from '~~/server/domain/eligibility/standards-admin'

// A new 经济困难标准 version; screenings on this instance use it at once, others within a minute.
export default defineApiHandler(async (event): Promise<HardshipStandardAdminDto> => {
  const actor = await requireStaff(event, ['admin'])
  const body = await readValidatedBody(event, addStandardBody.parse)
  const app = await useApp()
  const created = await addStandard(app.db, { id: actor.id, role: actor.role }, body, requestIpHash(event, app))
  eligibilityConfigSource(app).invalidate()
  setResponseStatus(event, 201)
  return created
})
