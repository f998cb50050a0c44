/**
 * Progressive enhancement of a server-handled form (server/utils/form-post.ts): the form is a real
 * <form method="post" action="/forms/…"> that works before hydration and without JavaScript; once
 * the page's script runs, the same form is sent with fetch and `Accept: application/json`, the
 * server answers `{ location }` from the same code that would have redirected, and the page
 * navigates there (or refreshes its data when it stays). If fetch fails, the form is posted plainly.
 */
export function useEnhancedForm(refresh: () => Promise<unknown>) {
  const busy = ref(false)
  const route = useRoute()
  async function submit(e: Event) {
    const form = e.currentTarget as HTMLFormElement | null
    if (!form || busy.value) return
    busy.value = true
    try {
      const body = new URLSearchParams(new FormData(form) as unknown as Record<string, string>)
      const res = await $fetch<{ location: string }>(form.getAttribute('action') ?? route.path, {
        method: 'POST', body, headers: { accept: 'application/json' },
      })
      if (res.location === route.fullPath) await refresh()
      else await navigateTo(res.location)
    } catch {
      form.submit()
    } finally {
      busy.value = false
    }
  }
  return { busy, submit }
}
