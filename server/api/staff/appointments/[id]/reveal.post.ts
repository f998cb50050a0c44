import { idParams, staffRevealBody } from '#shared/schemas/appointments'
import type { StaffRevealDto } from '#shared/types/appointments'
import { revealAppointmentContact } from '~~/server/domain/appointments/service'

// The full name and phone of one booking (to call or identify the resident); audited with the purpose.
export default defineApiHandler(async (event): Promise<StaffRevealDto> => {
  const actor = await requireStaff(event, ['operator', 'reviewer', 'admin'])
  const { id } = await getValidatedRouterParams(event, idParams.parse)
  const body = await readValidatedBody(event, staffRevealBody.parse)
  const app = await useApp()
  return revealAppointmentContact(appointmentDeps(app, requestIpHash(event, app)), { ...body, id }, actor)
})
