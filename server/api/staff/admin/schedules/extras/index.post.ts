import { extraSessionBody } from '#shared/schemas/appointments'
import { addExtraSession } from '~~/server/domain/appointments/service'

export default defineApiHandler(async (event): Promise<{ id: string }> => {
  const actor = await requireStaff(event, ['admin'])
  const body = await readValidatedBody(event, extraSessionBody.parse)
  const app = await useApp()
  const id = await addExtraSession(appointmentDeps(app), body, actor)
  setResponseStatus(event, 201)
  return { id }
})
