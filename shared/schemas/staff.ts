// Staff inputs: one schema for the console forms and the routes. Messages in Chinese.
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

export const createStaffBody = z.object({
  username,
  displayName: z.string().trim().max(60, '姓名不能超过 60 个字符').default(''),
  role: z.enum(STAFF_ROLES, { error: '请选择角色' }),
  password: z.string({ error: '请输入密码' }).min(10, '密码至少需要 10 个字符').max(256, '密码不能超过 256 个字符'),
})
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
