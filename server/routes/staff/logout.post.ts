// Sign out without JavaScript: the console's sign-out button is a form posting here (with
// JavaScript the page calls POST /api/auth/logout). Same session end, then 303 to the sign-in page.
export default defineEventHandler(async (event) => {
  await readFormFields(event)
  await endStaffSession(event)
  return formDone(event, '/staff/login')
})
