import { joinWaitlistBody } from '#shared/schemas/appointments'
import { joinWaitlist } from '../../../domain/appointments/service'

// Join a full day's waitlist without JavaScript.
export default defineEventHandler(async (event) => {
  const f = await readFormFields(event)
  try {
    const body = joinWaitlistBody.parse({
      channel: field(f, 'channel') ?? '', servicePointId: field(f, 'servicePointId') || undefined, day: field(f, 'day') ?? '',
      name: field(f, 'name') ?? '', phone: field(f, 'phone') ?? '', topic: field(f, 'topic') ?? '',
    })
    const app = await useApp()
    const entry = await joinWaitlist(appointmentDeps(app, requestIpHash(event, app)), body)
    return formDone(event, `/appointments?waitlisted=${entry.day}&position=${entry.position}`)
  } catch (e) {
    return formDone(event, `/appointments?${new URLSearchParams(formErrorQuery(e))}`)
  }
})
