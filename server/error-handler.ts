// First of Nitro's error handlers (nuxt.config puts it before Nuxt's own): in the built server a
// 5xx error is rewritten in place before Nuxt renders the HTML error page or Nitro the JSON answer,
// so neither ever shows an internal message, data or status text (server/domain/http/error-payload.ts).
// The dev server keeps the details for developers.
import type { NitroErrorHandler } from 'nitropack/types'
import { pgErrorOf } from './db/client'
import { publicServerError } from './domain/http/error-payload'

/** What the log may say about an internal error: its kind and database error code, never its message (SQL parameters, personal data). */
function describeInternal(error: { cause?: unknown, name?: string }): string {
  const cause = error.cause as { name?: string, constructor?: { name?: string } } | undefined
  const kind = cause?.constructor?.name || cause?.name || error.name || 'Error'
  const pg = pgErrorOf(error)?.code
  return pg ? `${kind} (PostgreSQL ${pg})` : kind
}

const sanitize: NitroErrorHandler = (error, event) => {
  if (import.meta.dev) return
  const status = error.statusCode || 500
  const pub = publicServerError(status, error.data)
  if (!pub) return
  // Logged once here without its message (Nitro's own handler would print the whole error, SQL
  // parameters included; it no longer does: the flags are cleared so every next handler uses the
  // generic message).
  console.error(`[request error] ${status} ${event.method} ${event.path.split('?')[0]}: ${describeInternal(error)}`)
  error.unhandled = false
  error.fatal = false
  error.message = pub.message
  error.statusMessage = pub.statusMessage
  error.data = pub.data
}

export default sanitize
