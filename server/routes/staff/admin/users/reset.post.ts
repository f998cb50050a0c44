// 重置密码 without JavaScript (with it, the page posts JSON to /api/staff/admin/users/[id]/password).
import { resetStaffPasswordBody, staffIdParams } from '#shared/schemas/staff'
import { z } from '#shared/schemas/zod'
import { resetStaffPassword } from '~~/server/domain/staff/service'

const resetForm = z.object({ id: staffIdParams.shape.id.or(z.literal('')).refine(v => v !== '', '请选择要重置密码的账号') })

export default defineStaffFormHandler({ form: 'users-reset', roles: ['admin'], back: () => '/staff/admin/users' }, async ({ event, actor, fields, app }) => {
  const { id } = resetForm.parse({ id: field(fields, 'id') ?? '' })
  const body = resetStaffPasswordBody.parse({ temporaryPassword: field(fields, 'temporaryPassword') ?? '' })
  const user = await resetStaffPassword(staffDeps(app, requestIpHash(event, app)), { ...body, id }, actor)
  return { to: '/staff/admin/users', notice: `已重置 ${user.username} 的密码，其登录已全部退出。请通过安全的方式把临时密码告诉本人；本人下次登录时必须设置新密码。` }
})
