import { closureBody } from '#shared/schemas/appointments'
import { addClosure } from '~~/server/domain/appointments/service'

export default defineApiHandler(async (event): Promise<{ id: string }> => {
  const actor = await requireStaff(event, ['admin'])
  const body = await readValidatedBody(event, closureBody.parse)
  const app = await useApp()
  const id = await addClosure(appointmentDeps(app), body, actor)
  setResponseStatus(event, 201)
  return { id }
})
