import { manageTokenParams } from '#shared/schemas/appointments'
import { confirmHeldPlace } from '~~/server/domain/appointments/service'

// Take the place held from the waitlist, without JavaScript.
export default defineEventHandler(async (event) => {
  const { token } = await getValidatedRouterParams(event, manageTokenParams.parse)
  await readFormFields(event)
  try {
    const app = await useApp()
    await confirmHeldPlace(appointmentDeps(app), token)
    return formDone(event, `/appointments/manage/${token}?confirmed=1`)
  } catch (e) {
    return formDone(event, `/appointments/manage/${token}?${new URLSearchParams(formErrorQuery(e))}`)
  }
})
