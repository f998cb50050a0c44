import { idParams, scheduleRuleBody } from '#shared/schemas/appointments'
import { saveScheduleRule } from '~~/server/domain/appointments/service'

export default defineApiHandler(async (event): Promise<{ id: string }> => {
  const actor = await requireStaff(event, ['admin'])
  const { id } = await getValidatedRouterParams(event, idParams.parse)
  const body = await readValidatedBody(event, scheduleRuleBody.parse)
  const app = await useApp()
  return { id: await saveScheduleRule(appointmentDeps(app), { ...body, id }, actor) }
})
