import { scheduleRuleBody } from '#shared/schemas/appointments'
import { saveScheduleRule } from '~~/server/domain/appointments/service'

export default defineApiHandler(async (event): Promise<{ id: string }> => {
  const actor = await requireStaff(event, ['admin'])
  const body = await readValidatedBody(event, scheduleRuleBody.parse)
  const app = await useApp()
  const id = await saveScheduleRule(appointmentDeps(app), body, actor)
  setResponseStatus(event, 201)
  return { id }
})
