// Staff inputs: one schema for the console forms and the routes. Messages in Chinese.
import { PASSWORD_MAX_LENGTH, PASSWORD_PROBLEM_MESSAGES, passwordProblems } from '../domain/staff/password-rules'
import { STAFF_ROLES } from '../types/staff'
import { z } from './zod'

export const USERNAME_PATTERN = /^[a-z0-9_.-]{3,40}$/

const username = z.string({ error: '请输入用户名' }).trim().toLowerCase()
  .regex(USERNAME_PATTERN, '用户名为 3-40 位小写字母、数字或 _ . -')

export const loginBody = z.object({
  // Login accepts any string (the answer for an unknown name is the same as for a wrong password).
  username: z.string({ error: '请输入用户名' }).trim().toLowerCase().min(1, '请输入用户名').max(80, '用户名过长'),
  password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(256, '密码过长'),
})
export type LoginBody = z.infer<typeof loginBody>

/**
 * A new password under the policy of shared/domain/staff/password-rules.ts (the rule that it must
 * not contain the username is checked where the username is known: the object schemas below and
 * the service).
 */
export const newPassword = (missing = '请输入新密码') => z.string({ error: missing }).min(1, missing).superRefine((v, ctx) => {
  if (v === '') return
  const first = passwordProblems(v)[0]
  if (first) ctx.addIssue({ code: 'custom', message: PASSWORD_PROBLEM_MESSAGES[first] })
})

function noUsernameIn<K extends string>(key: K) {
  return (v: { username?: string } & Record<K, string>, ctx: z.RefinementCtx) => {
    if (v.username && passwordProblems(v[key], { username: v.username }).includes('PASSWORD_CONTAINS_USERNAME')) {
      ctx.addIssue({ code: 'custom', path: [key], message: PASSWORD_PROBLEM_MESSAGES.PASSWORD_CONTAINS_USERNAME })
    }
  }
}

export const createStaffBody = z.object({
  username,
  displayName: z.string().trim().max(60, '姓名不能超过 60 个字符').default(''),
  role: z.enum(STAFF_ROLES, { error: '请选择角色' }),
  password: newPassword('请输入初始密码'),
}).superRefine(noUsernameIn('password'))
export type CreateStaffBody = z.infer<typeof createStaffBody>

export const staffIdParams = z.object({ id: z.uuid('账号编号格式不正确') })

export const auditQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  action: z.string().trim().regex(/^[a-z_]+(\.[a-z_]+)*$/, '操作名称格式不正确').max(80).optional(),
  actorId: z.uuid('账号编号格式不正确').optional(),
})
export type AuditQuery = z.infer<typeof auditQuery>

export const outboxQuery = z.object({
  status: z.enum(['dead', 'pending'], { error: '状态只能是 dead 或 pending' }).default('dead'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})

export type OutboxQuery = z.infer<typeof outboxQuery>

export const outboxIdParams = z.object({ id: z.coerce.number().int().positive('编号格式不正确') })

export const changeRoleBody = z.object({ role: z.enum(STAFF_ROLES, { error: '请选择角色' }) })

/**
 * A staff member changes their own password: the current one (as typed; checked by the service),
 * the new one twice. `username` is filled in by the page and the route from the session, only so
 * the "no username in the password" rule runs in the form too.
 */
export const changeOwnPasswordBody = z.object({
  username: z.string().optional(),
  currentPassword: z.string({ error: '请输入当前密码' }).min(1, '请输入当前密码').max(PASSWORD_MAX_LENGTH, '密码过长'),
  newPassword: newPassword(),
  confirmPassword: z.string({ error: '请再输入一次新密码' }).min(1, '请再输入一次新密码'),
}).superRefine((v, ctx) => {
  noUsernameIn('newPassword')(v, ctx)
  if (v.confirmPassword && v.newPassword !== v.confirmPassword) ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: '两次输入的新密码不一致' })
  if (v.newPassword && v.newPassword === v.currentPassword) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: '新密码不能与当前密码相同' })
})
export type ChangeOwnPasswordBody = z.infer<typeof changeOwnPasswordBody>

/**
 * An administrator resets another staff member's password to a temporary one, which the member
 * must replace at the next sign-in. `username` as above (the page and the route fill it in).
 */
export const resetStaffPasswordBody = z.object({
  username: z.string().optional(),
  temporaryPassword: newPassword('请输入临时密码'),
}).superRefine(noUsernameIn('temporaryPassword'))
export type ResetStaffPasswordBody = z.infer<typeof resetStaffPasswordBody>
