// Esc pressed three times (within 3 s) anywhere on a public page leaves at once (see utils/quick-exit).
// Clicks on any [data-quick-exit] link are handled here too, so the link leaves with
// location.replace instead of adding a history entry.
export default defineNuxtPlugin(() => {
  const url = useRuntimeConfig().public.quickExitUrl || QUICK_EXIT_DEFAULT_URL
  const third = escCounter()
  const isPublic = () => !window.location.pathname.startsWith('/staff')
  window.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || !isPublic()) return
    if (third(Date.now())) quickExit(url)
  }, { capture: true })
  document.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('[data-quick-exit]')
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
    e.preventDefault()
    quickExit((a as HTMLAnchorElement).href || url)
  }, { capture: true })
})
