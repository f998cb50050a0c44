// 快速离开 (exit this page): for a person at risk whose abuser may walk in. The page is hidden at
// once, the portal's drafts in this tab are forgotten (sessionStorage here, the server-side form
// drafts through a keepalive request), and the tab goes to a neutral site with location.replace,
// so the page being left is not in the history to go back to. Without JavaScript the button is a
// plain link to the same neutral site (rel="noreferrer": the neutral site learns nothing).

/** Where the exit goes: an ordinary, neutral site (as GOV.UK's legal-aid checker uses a weather page). */
export const QUICK_EXIT_DEFAULT_URL = 'https://www.weather.com.cn/'

/** Presses of Esc within this window count towards the three. */
export const QUICK_EXIT_ESC_WINDOW_MS = 3000

/** Counts Esc presses: true on the third press within the window. Pure, for tests and the plugin. */
export function escCounter(windowMs = QUICK_EXIT_ESC_WINDOW_MS) {
  let presses: number[] = []
  return (now: number): boolean => {
    presses = [...presses.filter(t => now - t < windowMs), now]
    if (presses.length >= 3) {
      presses = []
      return true
    }
    return false
  }
}

export function quickExit(url: string) {
  try {
    document.documentElement.style.visibility = 'hidden'
    document.title = ''
  } catch { /* leave anyway */ }
  try {
    for (let i = sessionStorage.length - 1; i >= 0; i--) {
      const k = sessionStorage.key(i)
      if (k?.startsWith('ycfy.')) sessionStorage.removeItem(k)
    }
  } catch { /* storage may be disabled */ }
  try {
    void fetch('/forms/forget', { method: 'POST', keepalive: true, credentials: 'same-origin' }).catch(() => {})
  } catch { /* leave anyway */ }
  window.location.replace(url)
}
