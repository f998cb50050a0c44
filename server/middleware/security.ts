// Security headers on every response; for API writes: same-origin only, JSON only, 64 KiB at most.
import type { H3Event } from 'h3'
import { loadConfig, type AppConfig } from '../config'
import {
  contentLengthTooLarge, isAcceptableContentType, isSameOriginWrite, MAX_API_BODY_BYTES,
  normalizedPath, parseAllowedOrigins, securityHeaders, WRITE_METHODS,
} from '../domain/http/request-guards'

let cfg: { config: AppConfig, allowed: string[] } | undefined
function settings() {
  if (!cfg) {
    const config = loadConfig()
    cfg = { config, allowed: parseAllowedOrigins(config.allowedOrigins) }
  }
  return cfg
}

function refuse(status: number, code: string, message: string) {
  return createError({ status, message, data: { code, message } })
}

/** Reads a body without Content-Length (chunked) with a byte limit, keeping it for the route. */
async function readLimited(event: H3Event, limit: number): Promise<void> {
  const req = event.node.req
  const chunks: Buffer[] = []
  let size = 0
  await new Promise<void>((resolve, reject) => {
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) {
        req.pause()
        reject(refuse(413, 'PAYLOAD_TOO_LARGE', '提交的内容过大'))
        return
      }
      chunks.push(c)
    })
    req.on('end', () => resolve())
    req.on('error', reject)
  })
  ;(event as unknown as { _requestBody?: Buffer })._requestBody = Buffer.concat(chunks)
}

export default defineEventHandler(async (event) => {
  const { config, allowed } = settings()
  const production = config.env === 'production' || config.session.secureCookie === 'true'
  for (const [k, v] of Object.entries(securityHeaders({ production }))) setResponseHeader(event, k, v)

  const path = normalizedPath(event.path)
  if (!path.startsWith('/api/') || !WRITE_METHODS.has(event.method)) return

  const h = (n: string) => getRequestHeader(event, n) ?? null
  const self = getRequestURL(event, { xForwardedHost: config.trustProxy, xForwardedProto: config.trustProxy }).origin
  if (!isSameOriginWrite({ self, allowed, origin: h('origin'), secFetchSite: h('sec-fetch-site'), referer: h('referer') })) {
    throw refuse(403, 'CROSS_ORIGIN', '请求来源不被允许')
  }

  const length = h('content-length')
  if (contentLengthTooLarge(length)) throw refuse(413, 'PAYLOAD_TOO_LARGE', '提交的内容过大')
  const chunked = !length && Boolean(h('transfer-encoding'))
  const hasBody = chunked || (length !== null && Number(length) > 0)
  if (!isAcceptableContentType(h('content-type'), hasBody, path)) {
    throw refuse(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 JSON 格式提交')
  }
  if (chunked) await readLimited(event, MAX_API_BODY_BYTES)
})
