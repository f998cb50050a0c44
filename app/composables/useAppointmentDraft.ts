// The half-filled appointment form, kept for the tab's session (useSessionDraft). Cleared after booking.
export interface AppointmentDraft {
  channel: '' | 'walk_in' | 'online' | 'hotline_callback'
  county: string
  servicePointId: string
  slotId: string
  name: string
  phone: string
  topic: string
  note: string
}

const empty = (): AppointmentDraft => ({ channel: '', county: '', servicePointId: '', slotId: '', name: '', phone: '', topic: '', note: '' })

export function useAppointmentDraft() {
  return useSessionDraft('appointments.draft', empty)
}
