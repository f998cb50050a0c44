// Drafts kept in sessionStorage through VueUse's useSessionStorage: a reload or a detour never
// loses a half-filled form (no time limits that lose a form), and the draft is gone when the tab
// closes (safer on a shared or public computer). Read after mount, so the server's HTML and the
// browser's first render agree; `restored` turns true once the saved draft is in.
import { useSessionStorage } from '@vueuse/core'

export function useSessionDraft<T extends object>(key: string, initial: () => T) {
  const draft = useSessionStorage<T>(key, initial(), { initOnMounted: true, mergeDefaults: true, writeDefaults: false })
  const restored = ref(false)
  onMounted(() => { restored.value = true })
  /** Back to the empty form (the stored copy becomes the empty form too). */
  function clear() {
    draft.value = initial()
  }
  return { draft, restored, clear }
}
