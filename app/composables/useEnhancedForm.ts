import type { AsyncDataRequestStatus } from '#app'

/**
 * Progressive enhancement of a server-handled form (server/utils/form-post.ts): the form is a real
 * <form method="post" action="/forms/…"> that works before hydration and without JavaScript; once
 * the page's script runs, the same form is sent with fetch and `Accept: application/json`, the
 * server answers `{ location }` from the same code that would have redirected, and the page
 * navigates there (or refreshes its data when it stays). If fetch fails, the form is posted plainly.
 *
 * `status` is the page's own data request (useFetch's `status`): after an answer the address changes
 * before the next step's data arrives, and meanwhile the old step is still on screen. The form is
 * busy while that data is pending too, and a submit then is ignored, so an answer is never sent twice
 * nor to the wrong step.
 */
export function useEnhancedForm(refresh: () => Promise<unknown>, status?: Ref<AsyncDataRequestStatus>) {
  const sending = ref(false)
  const busy = computed(() => sending.value || status?.value === 'pending')
  const route = useRoute()
  async function submit(e: Event) {
    const form = e.currentTarget as HTMLFormElement | null
    if (!form || busy.value) return
    sending.value = true
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
      sending.value = false
    }
  }
  return { busy, submit }
}
