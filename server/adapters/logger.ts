// The portal's one logger: structured JSON lines (pino) on stdout, with personal data kept out by
// construction. Errors are logged through `safeError`, which keeps only what identifies the fault
// (class, PostgreSQL code/constraint/table, stack frames) and never a database error's message or
// parameters (drizzle's "Failed query … params: …" carries what people typed). Field names that
// hold personal values or secrets are redacted wherever they appear, and free text has long digit
// runs (phones, ID numbers) masked as a last line of defence. Plain module: the server, the CLI
// scripts and the tests import it the same way.
import pino from 'pino'
import { pgErrorOf } from '../db/client'

/** Keys whose values are never written, at any of the first levels of a log object. */
export const REDACTED_KEYS = [
  'password', 'passwordHash', 'currentPassword', 'newPassword', 'token', 'cookie', 'authorization', 'apiKey', 'key', 'secret',
  'name', 'fullName', 'displayName', 'username', 'phone', 'callerPhone', 'idNumber', 'idCard', 'note', 'summary', 'address',
  'params', 'detail', 'body', 'query',
]

const paths = REDACTED_KEYS.flatMap(k => [k, `*.${k}`, `*.*.${k}`])

/** Digit runs of 7+ (phones, ID numbers, card numbers) and 0951-1234567 landlines inside free text. */
export function maskDigits(s: string): string {
  return s.replace(/\d{3,4}[-\s]\d{7,8}|\d{7,}[\dXx]?/g, '[digits]')
}

export const logger = pino({
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths, censor: '[redacted]' },
  formatters: { level: label => ({ level: label }) },
  hooks: {
    logMethod(args, method) {
      method.apply(this, args.map(a => (typeof a === 'string' ? maskDigits(a) : a)) as Parameters<typeof method>)
    },
  },
}, pino.destination({ dest: 1, sync: true }))

/** Errors whose message was written for operators and carries no input (config, start-up). */
const SAFE_MESSAGE_ERRORS = new Set(['ConfigError', 'DomainError'])

export interface SafeError { type: string, code?: string, constraint?: string, status?: number, message?: string, stack?: string[] }

/** What may be logged about an error: never a database message, parameters or user input. */
export function safeError(e: unknown): SafeError {
  const err = (e ?? {}) as { name?: string, constructor?: { name?: string }, statusCode?: number, stack?: string, message?: string, cause?: unknown }
  const type = err.constructor?.name && err.constructor.name !== 'Object' ? err.constructor.name : (err.name ?? typeof e)
  const pg = pgErrorOf(e)
  const out: SafeError = { type }
  if (pg) {
    out.code = pg.code
    if (pg.constraint) out.constraint = pg.constraint
  }
  if (typeof err.statusCode === 'number') out.status = err.statusCode
  if (!pg && SAFE_MESSAGE_ERRORS.has(type) && typeof err.message === 'string') out.message = maskDigits(err.message)
  // Frames only ("at fn (file:line)"): the first line of a stack repeats the message.
  const frames = typeof err.stack === 'string' ? err.stack.split('\n').filter(l => /^\s+at /.test(l)).slice(0, 8).map(l => l.trim()) : []
  if (frames.length) out.stack = frames
  if (!pg && err.cause && err.cause !== e) {
    const inner = safeError(err.cause)
    if (inner.code) out.code = inner.code
    if (inner.constraint) out.constraint = inner.constraint
    if (!out.stack && inner.stack) out.stack = inner.stack
    out.type = `${type}<${inner.type}>`
  }
  return out
}

/** A request path fit for a log line: no query, and segments that could be personal masked. */
export function loggablePath(path: string): string {
  return path.split('?')[0]!.split('/').map(seg => (/^[A-Za-z0-9_.-]{0,64}$/.test(seg) && !/\d{6,}/.test(seg) ? seg : ':x')).join('/')
}
