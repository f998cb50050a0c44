// 停用 / 启用 / 解除锁定 without JavaScript (with it, the page posts to /api/staff/admin/users/[id]/…).
import { staffIdParams } from '#shared/schemas/staff'
import { DomainError } from '~~/server/domain/errors'
import { disableStaff, enableStaff, unlockStaff } from '~~/server/domain/staff/service'

const ACTIONS = {
  disable: { run: disableStaff, notice: (u: string) => `已停用 ${u}，其登录已全部失效。` },
  enable: { run: enableStaff, notice: (u: string) => `已启用 ${u}。` },
  unlock: { run: unlockStaff, notice: (u: string) => `已解除 ${u} 的登录锁定。` },
} as const

export default defineStaffFormHandler({ form: 'users-row', roles: ['admin'], back: () => '/staff/admin/users' }, async ({ event, actor, app }) => {
  const name = getRouterParam(event, 'action') ?? ''
  if (!Object.hasOwn(ACTIONS, name)) throw new DomainError('STAFF_NOT_FOUND')
  const action = ACTIONS[name as keyof typeof ACTIONS]
  const { id } = staffIdParams.parse({ id: getRouterParam(event, 'id') })
  const user = await action.run(staffDeps(app, requestIpHash(event, app)), { id }, actor)
  return { to: '/staff/admin/users', notice: action.notice(user.username) }
})
