// Staff pages: signed-out visitors go to the sign-in page (and come back afterwards).
export default defineNuxtRouteMiddleware(async (to) => {
  const { ensure } = useStaff()
  const user = await ensure()
  if (!user) return navigateTo({ path: '/staff/login', query: { next: to.fullPath } })
  // After an administrator's reset, the password page is the only one open (the API says the same).
  if (user.mustChangePassword && to.path !== '/staff/password') return navigateTo('/staff/password')
})
