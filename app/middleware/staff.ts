// Staff pages: signed-out visitors go to the sign-in page (and come back afterwards).
export default defineNuxtRouteMiddleware(async (to) => {
  const { ensure } = useStaff()
  const user = await ensure()
  if (!user) return navigateTo({ path: '/staff/login', query: { next: to.fullPath } })
})
