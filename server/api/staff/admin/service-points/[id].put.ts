import { servicePointIdParams, updateServicePointBody } from '#shared/schemas/service-point-admin'
import type { StaffServicePointDto } from '#shared/types/platform'
import { updateServicePoint } from '~~/server/domain/appointments/service'

// An admin edits a point's address, phone, opening hours, accessibility notes and whether it is
// active (audited; the form posts to /staff/admin/service-points/:id without JavaScript).
export default defineApiHandler(async (event): Promise<StaffServicePointDto> => {
  const actor = await requireStaff(event, ['admin'])
  const { id } = await getValidatedRouterParams(event, servicePointIdParams.parse)
  const body = await readValidatedBody(event, updateServicePointBody.parse)
  const app = await useApp()
  return updateServicePoint(appointmentDeps(app, requestIpHash(event, app)), { ...body, id }, actor)
})
