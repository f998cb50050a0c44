import { idParams } from '#shared/schemas/appointments'
import { cancelById } from '~~/server/domain/appointments/service'

// Staff cancel on the resident's request (e.g. over the phone); audited; the place goes to the waitlist.
export default defineApiHandler(async (event): Promise<{ ok: true }> => {
  const actor = await requireStaff(event, ['operator', 'reviewer', 'admin'])
  const { id } = await getValidatedRouterParams(event, idParams.parse)
  const app = await useApp()
  await cancelById(appointmentDeps(app, requestIpHash(event, app)), { id }, actor)
  return { ok: true }
})
