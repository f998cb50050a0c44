// The signed-in staff member (null when signed out), plus sign-in and sign-out.
import type { LoginResultDto, MeDto, StaffUserDto } from '~~/shared/types/staff'

export function useStaff() {
  const me = useState<StaffUserDto | null>('staff-me', () => null)
  const loaded = useState<boolean>('staff-me-loaded', () => false)
  const requestFetch = useRequestFetch()

  async function refresh(): Promise<StaffUserDto | null> {
    try {
      const res = await requestFetch<MeDto>('/api/auth/me', { headers: { accept: 'application/json' } })
      me.value = res.user
    } catch {
      me.value = null
    }
    loaded.value = true
    return me.value
  }

  async function ensure(): Promise<StaffUserDto | null> {
    return loaded.value ? me.value : refresh()
  }

  async function login(username: string, password: string): Promise<StaffUserDto> {
    const res = await $fetch<LoginResultDto>('/api/auth/login', { method: 'POST', body: { username, password } })
    me.value = res.user
    loaded.value = true
    return res.user
  }

  async function logout(): Promise<void> {
    try {
      await $fetch('/api/auth/logout', { method: 'POST' })
    } finally {
      me.value = null
      loaded.value = true
    }
  }

  return { me, refresh, ensure, login, logout }
}
