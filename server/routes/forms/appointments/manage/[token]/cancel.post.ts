import { cancelBookingBody, manageTokenParams } from '#shared/schemas/appointments'
import { cancelBooking } from '~~/server/domain/appointments/service'

// Cancel without JavaScript, only with the confirmation box ticked / the confirm button.
export default defineEventHandler(async (event) => {
  const { token } = await getValidatedRouterParams(event, manageTokenParams.parse)
  const f = await readFormFields(event)
  try {
    cancelBookingBody.parse({ confirm: field(f, 'confirm') })
    const app = await useApp()
    await cancelBooking(appointmentDeps(app), token)
    return formDone(event, `/appointments/manage/${token}?cancelled=1`)
  } catch (e) {
    return formDone(event, `/appointments/manage/${token}?${new URLSearchParams({ step: 'cancel', ...formErrorQuery(e) })}`)
  }
})
