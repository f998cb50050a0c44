// Request logging and the last word on server errors. Every API request leaves one structured line
// (method, path with personal-looking segments masked, no query, status, ms). A 5xx is logged
// through safeError (class, PostgreSQL code/constraint, frames: never the message or the SQL
// parameters) and then scrubbed in place before Nitro's error handler sees it, so nothing prints the
// raw error and the answer is the catalogue's generic Chinese sentence with code INTERNAL.
import type { H3Error, H3Event } from 'h3'
import { errorCatalogue } from '../../shared/errors'
import { loggablePath, logger, safeError } from '../utils/logger'

const started = new WeakMap<H3Event, number>()

export function scrubServerError(error: H3Error): void {
  const message = errorCatalogue.INTERNAL.message
  error.message = message
  error.statusMessage = 'Internal Server Error'
  error.data = { code: 'INTERNAL', message }
  error.cause = undefined
  error.stack = ''
  error.unhandled = false
  error.fatal = false
}

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('request', (event) => {
    started.set(event, performance.now())
  })
  const line = (event: H3Event, status: number, code?: unknown) => {
    const t0 = started.get(event)
    return {
      method: event.method, path: loggablePath(event.path), status,
      ...(typeof code === 'string' && /^[A-Z_]+$/.test(code) ? { code } : {}),
      ms: t0 === undefined ? undefined : Math.round(performance.now() - t0),
    }
  }
  nitroApp.hooks.hook('afterResponse', (event) => {
    if (event.path.startsWith('/api/')) logger.info(line(event, event.node.res.statusCode), 'request')
  })
  // Errors do not reach afterResponse: their request line is written here.
  nitroApp.hooks.hook('error', (error, ctx) => {
    const e = error as H3Error
    const event = ctx?.event
    const status = typeof e.statusCode === 'number' ? e.statusCode : 500
    if (status < 500 && !e.unhandled) {
      if (event?.path.startsWith('/api/')) logger.info(line(event, status, (e.data as { code?: unknown } | undefined)?.code), 'request')
      return
    }
    logger.error({ ...(event ? line(event, 500) : {}), err: safeError(e.cause ?? e) }, 'request failed')
    scrubServerError(e)
  })
})
