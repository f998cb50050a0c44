import { idParams, staffOutcomeBody } from '#shared/schemas/appointments'
import type { StaffAppointmentItemDto } from '#shared/types/appointments'
import { recordOutcome } from '~~/server/domain/appointments/service'

// Check-in, completed (queues the one-time rating link) or no-show; audited.
export default defineApiHandler(async (event): Promise<StaffAppointmentItemDto> => {
  const actor = await requireStaff(event, ['operator', 'reviewer', 'admin'])
  const { id } = await getValidatedRouterParams(event, idParams.parse)
  const body = await readValidatedBody(event, staffOutcomeBody.parse)
  const app = await useApp()
  return recordOutcome(appointmentDeps(app, requestIpHash(event, app)), { ...body, id }, actor)
})
