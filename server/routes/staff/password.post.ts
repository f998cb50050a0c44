// The password page's form without JavaScript (with it, the page posts JSON to /api/auth/password):
// same schema, same service, then 303 to the console (or back to the form with the messages).
import { changeOwnPasswordBody } from '#shared/schemas/staff'
import { changeOwnPassword } from '~~/server/domain/staff/service'

export default defineStaffFormHandler({ form: 'password', passwordChangePending: true, back: () => '/staff/password' }, async ({ event, actor, fields, app }) => {
  const body = changeOwnPasswordBody.parse({
    username: actor.username,
    currentPassword: field(fields, 'currentPassword') ?? '',
    newPassword: field(fields, 'newPassword') ?? '',
    confirmPassword: field(fields, 'confirmPassword') ?? '',
  })
  await changeOwnPassword(staffDeps(app, requestIpHash(event, app)), body, actor)
  return { to: '/staff?changed=password' }
})
