// The half-filled appointment form, kept in sessionStorage so a reload or a detour to the
// service-point page does not lose it (no time limits that lose a form). Cleared after booking.
export interface AppointmentDraft {
  channel: '' | 'walk_in' | 'online'
  county: string
  servicePointId: string
  slotId: string
  name: string
  phone: string
  topic: string
  note: string
}

const KEY = 'appointments.draft'
const empty = (): AppointmentDraft => ({ channel: '', county: '', servicePointId: '', slotId: '', name: '', phone: '', topic: '', note: '' })

export function useAppointmentDraft() {
  const draft = ref<AppointmentDraft>(empty())
  const restored = ref(false)
  onMounted(() => {
    try {
      const raw = sessionStorage.getItem(KEY)
      if (raw) draft.value = { ...empty(), ...JSON.parse(raw) as Partial<AppointmentDraft> }
    } catch { /* a broken draft is simply dropped */ }
    restored.value = true
  })
  watch(draft, (v) => { if (import.meta.client && restored.value) sessionStorage.setItem(KEY, JSON.stringify(v)) }, { deep: true })
  function clear() {
    draft.value = empty()
    if (import.meta.client) sessionStorage.removeItem(KEY)
  }
  return { draft, restored, clear }
}
