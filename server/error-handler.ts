// First of Nitro's error handlers (nuxt.config puts it before Nuxt's own): in the built server the
// payload of a 5xx is rewritten in place before Nuxt renders the HTML error page or Nitro the JSON
// answer, so neither ever shows an internal message, data or status text, whichever path the error
// took (server/domain/http/error-payload.ts). Logging happens earlier, in server/plugins/logging.ts.
// The dev server keeps the details for developers.
import type { NitroErrorHandler } from 'nitropack/types'
import { publicServerError } from './domain/http/error-payload'

const sanitize: NitroErrorHandler = (error) => {
  if (import.meta.dev) return
  const pub = publicServerError(error.statusCode || 500, error.data)
  if (!pub) return
  error.unhandled = false
  error.fatal = false
  error.message = pub.message
  error.statusMessage = pub.statusMessage
  error.data = pub.data
}

export default sanitize
