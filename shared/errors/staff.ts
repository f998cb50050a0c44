// Staff accounts, sign-in and administration.
import { defineErrors } from './types'

export const staffErrors = defineErrors({
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码不正确' },
  ACCOUNT_LOCKED: { status: 429, message: '登录失败次数过多，请 15 分钟后再试，或联系管理员' },
  TOO_MANY_ATTEMPTS: { status: 429, message: '该网络登录失败次数过多，请 15 分钟后再试' },
  USERNAME_TAKEN: { status: 409, message: '该用户名已被使用' },
  WEAK_PASSWORD: { status: 400, message: '密码不符合要求：至少 10 个字符，不能过于简单' },
  STAFF_NOT_FOUND: { status: 404, message: '找不到该账号' },
  CANNOT_DISABLE_SELF: { status: 409, message: '不能停用自己的账号' },
  CANNOT_CHANGE_OWN_ROLE: { status: 409, message: '不能修改自己的角色' },
  CURRENT_PASSWORD_WRONG: { status: 400, message: '当前密码不正确' },
  PASSWORD_UNCHANGED: { status: 400, message: '新密码不能与当前密码相同' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '管理员已重置您的密码，请先设置新密码再继续使用工作台' },
  CANNOT_RESET_OWN_PASSWORD: { status: 409, message: '不能在这里重置自己的密码，请到“修改密码”页面修改' },
  OUTBOX_NOT_DEAD: { status: 404, message: '找不到该失败任务，或它已在重试' },
})
