// Drafts kept in sessionStorage so a reload or an accidental navigation never loses them (and they
// are gone when the tab is closed: safer on a shared or public computer). No time limit anywhere.
// (The public questionnaire keeps its answers on the server side: server/domain/forms.)

function read<T>(key: string): T | undefined {
  try {
    const raw = sessionStorage.getItem(key)
    return raw ? JSON.parse(raw) as T : undefined
  } catch {
    return undefined
  }
}

/** A sessionStorage-backed draft (the application form). */
export function useSessionDraft<T extends object>(key: string, initial: () => T) {
  const draft = useState<T>(`draft-${key}`, initial)
  const loaded = ref(false)
  onMounted(() => {
    const saved = read<T>(key)
    if (saved) draft.value = { ...initial(), ...saved }
    loaded.value = true
  })
  watch(draft, (v: T) => { if (loaded.value) sessionStorage.setItem(key, JSON.stringify(v)) }, { deep: true })
  function clear() {
    draft.value = initial()
    if (import.meta.client) sessionStorage.removeItem(key)
  }
  return { draft, clear }
}
