/** 长辈版: a larger text theme, remembered in a cookie so the server renders it too. */
export function useLargeText() {
  const cookie = useCookie<'1' | '0'>('large_text', { default: () => '0', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax', path: '/' })
  const enabled = computed({
    // the no-JavaScript switch (/forms/large-text) writes a bare 1, which useCookie reads as a number
    get: () => String(cookie.value) === '1',
    set: (v: boolean) => { cookie.value = v ? '1' : '0' },
  })
  return { enabled, toggle: () => { enabled.value = !enabled.value } }
}
