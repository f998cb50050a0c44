import { joinWaitlistBody } from '#shared/schemas/appointments'
import { joinWaitlist } from '~~/server/domain/appointments/service'

// Join a full day's waitlist without JavaScript: 303 back to the booking page with the place in
// the queue, or with the error (what was typed kept in the encrypted draft cookie, never in the URL).
export default defineEventHandler(async (event) => {
  const f = await readFormFields(event)
  const typed = { channel: field(f, 'channel') ?? '', servicePointId: field(f, 'servicePointId') ?? '', day: field(f, 'day') ?? '', name: field(f, 'name') ?? '', phone: field(f, 'phone') ?? '', topic: field(f, 'topic') ?? '' }
  const where = { channel: typed.channel, servicePointId: typed.servicePointId, ...(/^\d{4}-\d{2}-\d{2}$/.test(typed.day) ? { day: typed.day } : {}) }
  const state = await readFormState<{ appointment?: Record<string, string> }>(event)
  try {
    const body = joinWaitlistBody.parse({ ...typed, servicePointId: typed.servicePointId || undefined })
    const app = await useApp()
    const entry = await joinWaitlist(appointmentDeps(app, requestIpHash(event, app)), body)
    if (state.appointment) await writeFormState(event, { ...state, appointment: undefined })
    return formDone(event, `/appointments?${new URLSearchParams({ ...where, day: entry.day, waitlisted: '1', position: String(entry.position) })}#waitlist`)
  } catch (e) {
    const q = formErrorQuery(e)
    await writeFormState(event, { ...state, appointment: keptTyped({ ...state.appointment, name: typed.name, phone: typed.phone, topic: typed.topic }) })
    return formDone(event, `/appointments?${new URLSearchParams({ ...where, ...q, form: 'waitlist' })}#waitlist`)
  }
})
