import { manageTokenParams, rateBody } from '#shared/schemas/appointments'
import { rateAppointment } from '~~/server/domain/appointments/service'

// The one-time rating without JavaScript.
export default defineEventHandler(async (event) => {
  const { token } = await getValidatedRouterParams(event, manageTokenParams.parse)
  const f = await readFormFields(event)
  try {
    const body = rateBody.parse({ score: field(f, 'score') ?? '', comment: field(f, 'comment') || undefined })
    const app = await useApp()
    await rateAppointment(appointmentDeps(app), { ...body, token })
    return formDone(event, `/appointments/rate/${token}?thanks=1`)
  } catch (e) {
    return formDone(event, `/appointments/rate/${token}?${new URLSearchParams(formErrorQuery(e))}`)
  }
})
