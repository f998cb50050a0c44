// The questionnaire's answers and the application draft, kept in sessionStorage so a reload or an
// accidental navigation never loses them (and they are gone when the tab is closed: safer on a
// shared or public computer). No time limit anywhere.
import { emptyAnswers, type Answers } from '~~/shared/domain/applications/questionnaire'

const ANSWERS_KEY = 'ycfy.eligibility.answers.v1'
const STEP_KEY = 'ycfy.eligibility.step.v1'

function read<T>(key: string): T | undefined {
  try {
    const raw = sessionStorage.getItem(key)
    return raw ? JSON.parse(raw) as T : undefined
  } catch {
    return undefined
  }
}

export function useEligibilityAnswers() {
  const answers = useState<Answers>('eligibility-answers', emptyAnswers)
  const step = useState<number>('eligibility-step', () => 0)
  const restored = useState<boolean>('eligibility-restored', () => false)

  onMounted(() => {
    if (!restored.value) {
      const saved = read<Answers>(ANSWERS_KEY)
      if (saved && Array.isArray(saved.statuses)) answers.value = saved
      step.value = read<number>(STEP_KEY) ?? 0
      restored.value = true
    }
  })
  watch(answers, (v: Answers) => { if (import.meta.client && restored.value) sessionStorage.setItem(ANSWERS_KEY, JSON.stringify(v)) }, { deep: true })
  watch(step, (v: number) => { if (import.meta.client && restored.value) sessionStorage.setItem(STEP_KEY, JSON.stringify(v)) })

  function clear() {
    answers.value = emptyAnswers()
    step.value = 0
    if (import.meta.client) {
      sessionStorage.removeItem(ANSWERS_KEY)
      sessionStorage.removeItem(STEP_KEY)
    }
  }
  return { answers, step, restored, clear }
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
