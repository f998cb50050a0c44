// Sign out (with JavaScript; the no-JS form posts to /staff/logout): the session ends on the server.
export default defineApiHandler(async (event): Promise<{ ok: true }> => {
  await endStaffSession(event)
  return { ok: true }
})
