// The half-filled booking form, kept for the tab's session through the one draft composable
// (useSessionDraft: VueUse's useSessionStorage): a reload or a detour never loses it, and it is gone
// when the tab closes (safer on a shared computer). Cleared after booking. Where and when (channel,
// point, day) are in the page's address instead: they are not personal. Read after mount, so the
// server's HTML and the first render agree; `restored` turns true once the saved draft is in.
export interface AppointmentDraft {
  slotId: string
  name: string
  phone: string
  topic: string
  note: string
}

// 'ycfy.': the prefix 快速离开 clears (app/utils/quick-exit.ts), like every other draft of the portal.
const KEY = 'ycfy.appointments.draft'
export const emptyAppointmentDraft = (): AppointmentDraft => ({ slotId: '', name: '', phone: '', topic: '', note: '' })

export function useAppointmentDraft() {
  const { draft, restored, clear } = useSessionDraft<AppointmentDraft>(KEY, emptyAppointmentDraft)
  /** Keep what is typed now. */
  function save(v: AppointmentDraft) {
    draft.value = { ...v }
  }
  return { draft, restored, save, clear }
}
