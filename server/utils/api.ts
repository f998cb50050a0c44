// The one wrapper every API route uses: maps domain errors and validation failures to clear
// 4xx answers with a stable `code`, never echoing what the user typed. Anything else is a 500
// that Nitro logs.
import type { EventHandlerRequest, H3Event } from 'h3'
import { ZodError } from 'zod'
import { DomainError, statusOfKind } from '../domain/errors'
import { pgErrorOf } from '../db/client'

export interface ValidationIssue { path: string, code: string, message: string }

function zodOf(e: unknown): ZodError | undefined {
  if (e instanceof ZodError) return e
  const o = e as { data?: unknown, cause?: unknown } | undefined
  if (o?.data instanceof ZodError) return o.data
  if (o?.cause instanceof ZodError) return o.cause
  return undefined
}

export function validationError(err: ZodError) {
  const issues: ValidationIssue[] = err.issues.map(i => ({ path: i.path.join('.'), code: i.code, message: i.message }))
  return createError({
    status: 400,
    statusText: 'Bad Request',
    message: issues[0] ? `${issues[0].path ? issues[0].path + '：' : ''}${issues[0].message}` : '输入有误',
    data: { code: 'VALIDATION', message: '提交的内容有误，请按提示修改', issues },
  })
}

/** Unique/check/exclusion violations the database caught: a conflict, mapped by constraint name. */
const constraintCodes: Record<string, { code: string, message: string }> = {
  staff_users_username_key: { code: 'USERNAME_TAKEN', message: '该用户名已被使用' },
}
export function registerConstraintCode(constraint: string, code: string, message: string) {
  constraintCodes[constraint] = { code, message }
}

export function toHttpError(e: unknown): unknown {
  if (e instanceof DomainError) {
    return createError({ status: statusOfKind[e.kind], message: e.message, data: { code: e.code, message: e.message, ...e.details } })
  }
  const zerr = zodOf(e)
  if (zerr) return validationError(zerr)
  const pg = pgErrorOf(e)
  if (pg?.code === '23505' || pg?.code === '23P01' || pg?.code === '23514' || pg?.code === '23503') {
    const known = pg.constraint ? constraintCodes[pg.constraint] : undefined
    if (pg.code === '23505' || pg.code === '23P01') {
      return createError({ status: 409, message: known?.message ?? '与已有记录冲突', data: { code: known?.code ?? 'CONFLICT', message: known?.message ?? '与已有记录冲突' } })
    }
    return createError({ status: 400, message: known?.message ?? '数据不符合要求', data: { code: known?.code ?? 'CONSTRAINT', message: known?.message ?? '数据不符合要求' } })
  }
  const h3 = e as { statusCode?: number, data?: unknown }
  if (h3 && typeof h3.statusCode === 'number' && h3.statusCode < 500) {
    // h3's own 4xx (e.g. malformed JSON body): keep the status, give a Chinese message.
    if (h3.statusCode === 400) return createError({ status: 400, message: '请求格式有误', data: { code: 'BAD_REQUEST', message: '请求格式有误' } })
    return e
  }
  return e
}

export function defineApiHandler<T>(handler: (event: H3Event<EventHandlerRequest>) => Promise<T> | T) {
  return defineEventHandler(async (event) => {
    try {
      return await handler(event)
    } catch (e) {
      throw toHttpError(e)
    }
  })
}
