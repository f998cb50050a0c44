import type { AppointmentDraftDto } from '#shared/types/appointments'

// What the resident typed into the booking form before the server sent it back with an error
// (without JavaScript): from their own encrypted draft cookie. Personal: never cached.
export default defineApiHandler(async (event): Promise<AppointmentDraftDto> => {
  const state = await readFormState<{ appointment?: Partial<AppointmentDraftDto> }>(event)
  setHeader(event, 'cache-control', 'no-store')
  const a = state.appointment ?? {}
  const text = (v: unknown) => (typeof v === 'string' ? v : '')
  return { slotId: text(a.slotId), name: text(a.name), phone: text(a.phone), topic: text(a.topic), note: text(a.note) }
})
