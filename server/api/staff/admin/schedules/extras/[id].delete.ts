import { idParams } from '#shared/schemas/appointments'
import { removeExtraSession } from '~~/server/domain/appointments/service'

export default defineApiHandler(async (event): Promise<{ ok: true }> => {
  const actor = await requireStaff(event, ['admin'])
  const { id } = await getValidatedRouterParams(event, idParams.parse)
  const app = await useApp()
  await removeExtraSession(appointmentDeps(app), { id }, actor)
  return { ok: true }
})
