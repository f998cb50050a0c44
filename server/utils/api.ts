// The one wrapper every API route uses: maps domain errors and validation failures to clear
// 4xx answers with a stable `code`, never echoing what the user typed. Anything else is logged
// through the redacting logger (server/utils/logger.ts: no SQL parameters, no messages of database
// errors) and answered with a generic 500 INTERNAL.
import type { EventHandlerRequest, H3Event } from 'h3'
import { ZodError } from 'zod'
import { DomainError } from '../domain/errors'
import { pgErrorOf } from '../db/client'
import { errorCatalogue, type ErrorCode } from '../../shared/errors'
import { logger, safeError } from './logger'

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
    data: { code: 'VALIDATION', message: errorCatalogue.VALIDATION.message, issues },
  })
}

/** An HTTP error answering with a catalogue code: its status and Chinese sentence. */
export function catalogueError(code: ErrorCode, message: string = errorCatalogue[code].message, details?: Record<string, unknown>) {
  return createError({ status: errorCatalogue[code].status, message, data: { code, message, ...details } })
}

/**
 * Unique/check/exclusion/foreign-key violations the database caught, mapped by constraint name to
 * a catalogue code (its status and message). Unknown constraints answer CONFLICT or CONSTRAINT.
 */
const constraintCodes: Record<string, ErrorCode> = {
  staff_users_username_key: 'USERNAME_TAKEN',
}
export function registerConstraintCode(constraint: string, code: ErrorCode) {
  constraintCodes[constraint] = code
}

export function toHttpError(e: unknown): unknown {
  if (e instanceof DomainError) return catalogueError(e.code, e.message, e.details)
  const zerr = zodOf(e)
  if (zerr) return validationError(zerr)
  const pg = pgErrorOf(e)
  if (pg?.code === '23505' || pg?.code === '23P01' || pg?.code === '23514' || pg?.code === '23503') {
    const known = pg.constraint ? constraintCodes[pg.constraint] : undefined
    if (known) return catalogueError(known)
    return catalogueError(pg.code === '23505' || pg.code === '23P01' ? 'CONFLICT' : 'CONSTRAINT')
  }
  const h3 = e as { statusCode?: number, data?: unknown }
  if (h3 && typeof h3.statusCode === 'number' && h3.statusCode < 500) {
    // h3's own 4xx (e.g. malformed JSON body): keep the status, give a Chinese message.
    if (h3.statusCode === 400) return catalogueError('BAD_REQUEST', '请求格式有误')
    return e
  }
  logger.error({ err: safeError(e) }, 'route failed')
  return catalogueError('INTERNAL')
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
