// The half-filled booking form, kept for the tab's session: a reload or a detour never loses it,
// and it is gone when the tab closes (safer on a shared computer). Cleared after booking. Where and
// when (channel, point, day) are in the page's address instead: they are not personal.
// Plain sessionStorage rather than useSessionDraft (VueUse, ~2 KB gzipped): the booking page has to
// stay within the 100 KB budget (issue 14). Read after mount, so the server's HTML and the first
// render agree; `restored` turns true once the saved draft is in.
export interface AppointmentDraft {
  slotId: string
  name: string
  phone: string
  topic: string
  note: string
}

const KEY = 'appointments.draft'
export const emptyAppointmentDraft = (): AppointmentDraft => ({ slotId: '', name: '', phone: '', topic: '', note: '' })

export function useAppointmentDraft() {
  const draft = ref<AppointmentDraft>(emptyAppointmentDraft())
  const restored = ref(false)
  onMounted(() => {
    try {
      const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Partial<AppointmentDraft> | null
      if (saved && typeof saved === 'object') {
        const d = emptyAppointmentDraft()
        for (const k of Object.keys(d) as Array<keyof AppointmentDraft>) if (typeof saved[k] === 'string') d[k] = saved[k]
        draft.value = d
      }
    } catch { /* storage off or damaged: start empty */ }
    restored.value = true
  })
  function save(v: AppointmentDraft) {
    draft.value = v
    try { sessionStorage.setItem(KEY, JSON.stringify(v)) } catch { /* storage off: nothing kept */ }
  }
  /** Back to the empty form (the stored copy goes too). */
  function clear() {
    save(emptyAppointmentDraft())
  }
  return { draft, restored, save, clear }
}
