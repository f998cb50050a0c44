// The one-time message a console form without JavaScript leaves for the page it redirects to
// (server/utils/staff-form.ts): read while the page renders on the server, carried to the browser
// in the page's state, and dropped once shown so a later visit does not show it again.
import type { StaffFlash } from '~~/shared/types/staff'

export function useStaffFlash(form: string) {
  const state = useState<StaffFlash | null>(`staff-flash:${form}`, () => {
    if (!import.meta.server) return null
    const f = useRequestEvent()?.context.staffFlash as StaffFlash | null | undefined
    return f && f.form === form ? f : null
  })
  const flash = state.value
  onMounted(() => { state.value = null })
  /** A typed value the form sent (text fields only). */
  const value = (name: string): string | undefined => {
    const v = flash?.values?.[name]
    return typeof v === 'string' ? v : undefined
  }
  return { flash, value }
}
