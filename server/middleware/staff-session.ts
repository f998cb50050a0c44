// Every /api/staff/** route needs a signed-in staff member (401 otherwise). Role checks stay in
// each route (requireStaff(event, [...roles])).
import { normalizedPath } from '../domain/http/request-guards'

export default defineEventHandler(async (event) => {
  const path = normalizedPath(event.path)
  if (!path.startsWith('/api/staff/') && path !== '/api/staff') return
  await requireStaff(event)
})
