// 新建账号 without JavaScript (with it, the page posts JSON to /api/staff/admin/users).
import { createStaffBody } from '#shared/schemas/staff'
import { auditActorOf, createStaff } from '~~/server/domain/staff/service'

export default defineStaffFormHandler({ form: 'users-create', roles: ['admin'], back: () => '/staff/admin/users' }, async ({ event, actor, fields, app }) => {
  const body = createStaffBody.parse({
    username: field(fields, 'username') ?? '', displayName: field(fields, 'displayName') ?? '',
    role: field(fields, 'role') ?? '', password: field(fields, 'password') ?? '',
  })
  await createStaff(staffDeps(app, requestIpHash(event, app)), body, auditActorOf(actor))
  return { to: '/staff/admin/users', notice: `已创建账号 ${body.username}。请通过安全的方式把初始密码告诉本人。` }
})
