// The edge of every request. Security headers on every response, and Cache-Control: no-store on
// the console, the pages with personal data and every API answer but public content. Then, before any route runs:
// a path or query that is not valid UTF-8 text (NUL, lone surrogates, broken %-escapes) is a 400;
// writes must come from this site (Origin / Sec-Fetch-Site / Referer), declare their length (no
// chunked bodies: 411), stay under 64 KiB (413), be JSON on /api (415; HTML forms elsewhere), and
// a JSON body is parsed once here and refused when it nests too deep, has too many values, or
// carries a string that is not text (400). A JSON body larger than the ordinary cap (the statute
// import's file) is read only for a signed-in staff member: anyone else gets the 401 unread.
// Only h3's public API is used (readRawBody caches the body for the route's own readBody).
import type { H3Event } from 'h3'
import { loadConfig, type AppConfig } from '../config'
import {
  bodyLimitFor, MAX_API_BODY_BYTES, contentLengthTooLarge, decodedPathOrNull, inspectInput, isAcceptableContentType, isJsonContentType, isSameOriginWrite,
  needsNoStore, normalizedPath, parseAllowedOrigins, queryIsSafe, securityHeaders, WRITE_METHODS, type InputProblem,
} from '../domain/http/request-guards'

let cfg: { config: AppConfig, allowed: string[] } | undefined
function settings() {
  if (!cfg) {
    const config = loadConfig()
    cfg = { config, allowed: parseAllowedOrigins(config.allowedOrigins) }
  }
  return cfg
}

const problemMessages: Record<InputProblem, string> = {
  too_deep: '提交的内容层级过深',
  too_many_nodes: '提交的内容项目过多',
  unsafe_text: '提交的内容包含无法识别的字符，请删除后重试',
}

async function checkJsonBody(event: H3Event): Promise<void> {
  const raw = await readRawBody(event, 'utf8')
  if (!raw || !raw.trim()) return
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    throw catalogueError('BAD_REQUEST')
  }
  const problem = inspectInput(parsed)
  if (problem) throw catalogueError('BAD_INPUT', problemMessages[problem])
}

export default defineEventHandler(async (event) => {
  const { config, allowed } = settings()
  const production = config.env === 'production' || config.session.secureCookie === 'true'
  for (const [k, v] of Object.entries(securityHeaders({ production }))) setResponseHeader(event, k, v)

  if (needsNoStore(normalizedPath(event.path), event.method)) setResponseHeader(event, 'cache-control', 'no-store')

  if (decodedPathOrNull(event.path) === null || !queryIsSafe(event.path)) {
    throw catalogueError('BAD_URL')
  }

  if (!WRITE_METHODS.has(event.method)) return
  const path = normalizedPath(event.path)
  const api = path.startsWith('/api/')

  const h = (n: string) => getRequestHeader(event, n) ?? null
  const self = getRequestURL(event, { xForwardedHost: config.trustProxy > 0, xForwardedProto: config.trustProxy > 0 }).origin
  if (!isSameOriginWrite({ self, allowed, origin: h('origin'), secFetchSite: h('sec-fetch-site'), referer: h('referer') })) {
    throw catalogueError('CROSS_ORIGIN')
  }

  const length = h('content-length')
  if (!length && h('transfer-encoding')) throw catalogueError('LENGTH_REQUIRED')
  if (contentLengthTooLarge(length, bodyLimitFor(path))) throw catalogueError('PAYLOAD_TOO_LARGE')
  const hasBody = length !== null && Number(length) > 0
  if (!api) return
  if (!isAcceptableContentType(h('content-type'), hasBody, path)) {
    throw catalogueError('UNSUPPORTED_MEDIA_TYPE')
  }
  if (!hasBody || !isJsonContentType(h('content-type'))) return
  // only the paths bodyLimitFor lets past 64 KiB get here with more; the role check stays in the route
  if (Number(length) > MAX_API_BODY_BYTES) await requireStaff(event)
  await checkJsonBody(event)
})
