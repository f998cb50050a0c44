import { appointmentProofBody } from '#shared/schemas/appointments'
import { lookupAppointment } from '../../../domain/appointments/service'

// Reference + phone without JavaScript: 303 to the private manage page, or back with the error.
export default defineEventHandler(async (event) => {
  const f = await readFormFields(event)
  try {
    const body = appointmentProofBody.parse({ reference: field(f, 'reference') ?? '', phone: field(f, 'phone') ?? '' })
    const app = await useApp()
    const dto = await lookupAppointment(appointmentDeps(app, requestIpHash(event, app)), body)
    return formDone(event, dto.manageUrl.replace(/^https?:\/\/[^/]+/, ''))
  } catch (e) {
    return formDone(event, `/appointments/lookup?${new URLSearchParams(formErrorQuery(e))}`)
  }
})
