// Pure decisions for the security middleware: which origins may write, which bodies are accepted.
// Framework-free so the rules are unit-tested without a server.
import { IMPORT_MAX_BYTES } from '../../../shared/schemas/statutes'
import { hasUnsafeText } from '../../../shared/schemas/zod'

export const MAX_API_BODY_BYTES = 64 * 1024
/** Nesting deeper than this is no form the portal has: refused before any parser walks it. */
export const MAX_JSON_DEPTH = 16
/** More keys + elements than this in one body is no form either. */
export const MAX_JSON_NODES = 5_000
export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** API paths whose writes may carry something other than JSON (e.g. uploads). Append with care. */
export const NON_JSON_API_PATHS: RegExp[] = []

/**
 * Form routes that take file uploads (multipart). The edge lets their bodies through up to
 * UPLOAD_EDGE_LIMIT_BYTES so the route itself can refuse an oversized file with its own message
 * (without reading it); every other write stays under MAX_API_BODY_BYTES.
 */
export const UPLOAD_PATHS: RegExp[] = [/^\/forms\/legal-aid\/documents$/, /^\/staff\/statutes\/import$/]
export const UPLOAD_EDGE_LIMIT_BYTES = 64 * 1024 * 1024
/**
 * JSON routes that carry a file's text (the statute import: IMPORT_MAX_BYTES of UTF-8, which JSON
 * escaping of quotes and backslashes can at most double). Their schemas refuse a file over the cap
 * in words; the edge only refuses what no file under the cap could be.
 */
export const LARGE_JSON_PATHS: Array<{ path: RegExp, limit: number }> = [
  { path: /^\/api\/staff\/statutes\/import$/, limit: 2 * IMPORT_MAX_BYTES + MAX_API_BODY_BYTES },
]

/** The largest body the edge accepts for a write to this (normalised) path. */
export function bodyLimitFor(path: string): number {
  if (UPLOAD_PATHS.some(r => r.test(path))) return UPLOAD_EDGE_LIMIT_BYTES
  return LARGE_JSON_PATHS.find(p => p.path.test(path))?.limit ?? MAX_API_BODY_BYTES
}

/**
 * A staff route, whose refusals (401/403) are audited: the console's JSON API (/api/staff/**) and
 * the console's plain form posts (/staff/**, /forms/staff/**, /forms/hotline/**; sign-in and
 * sign-out are not refusals of a member).
 */
export function isStaffRoute(path: string, method: string): boolean {
  const p = normalizedPath(path)
  if (p === '/api/staff' || p.startsWith('/api/staff/')) return true
  if (method !== 'POST' || p === '/staff/login' || p === '/staff/logout') return false
  return /^\/(?:staff|forms\/staff|forms\/hotline)(?:\/|$)/.test(p)
}

export function parseAllowedOrigins(list: string): string[] {
  return list.split(',').map(s => s.trim()).filter(Boolean).map(normalizeOrigin).filter((o): o is string => o !== null)
}

export function normalizeOrigin(v: string): string | null {
  try {
    const u = new URL(v)
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null
    return u.origin
  } catch {
    return null
  }
}

export interface OriginInput {
  /** The request's own origin (scheme + Host). */
  self: string
  allowed: readonly string[]
  origin?: string | null
  secFetchSite?: string | null
  referer?: string | null
}

/**
 * A cross-origin write is refused. The Origin header decides when present ("null" never passes);
 * without it, Sec-Fetch-Site: same-origin or a same-origin Referer; with none of them, refuse.
 */
export function isSameOriginWrite(i: OriginInput): boolean {
  const ok = (o: string | null) => o !== null && (o === i.self || i.allowed.includes(o))
  if (i.origin) return ok(normalizeOrigin(i.origin))
  if (i.secFetchSite) return i.secFetchSite === 'same-origin'
  if (i.referer) return ok(normalizeOrigin(i.referer))
  return false
}

export function isJsonContentType(contentType: string | null | undefined): boolean {
  if (!contentType) return false
  const mime = contentType.split(';')[0]!.trim().toLowerCase()
  return mime === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mime)
}

/** JSON (any charset) or, for an empty body, no content type at all. */
export function isAcceptableContentType(contentType: string | null | undefined, hasBody: boolean, path: string): boolean {
  if (NON_JSON_API_PATHS.some(r => r.test(path))) return true
  if (!contentType) return !hasBody
  return isJsonContentType(contentType)
}

/** Content-Length over the limit (or unparsable) is refused before reading. */
export function contentLengthTooLarge(contentLength: string | null | undefined, limit = MAX_API_BODY_BYTES): boolean {
  if (contentLength === null || contentLength === undefined || contentLength === '') return false
  if (!/^\d+$/.test(contentLength.trim())) return true
  return Number(contentLength) > limit
}

export interface SecurityHeaderOptions { production: boolean, scriptHashes?: readonly string[] }

export function contentSecurityPolicy(scriptHashes: readonly string[] = []): string {
  const script = ["'self'", ...scriptHashes.map(h => `'${h}'`)].join(' ')
  return [
    "default-src 'self'",
    `script-src ${script}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

export function securityHeaders(o: SecurityHeaderOptions): Record<string, string> {
  const h: Record<string, string> = {
    'content-security-policy': contentSecurityPolicy(o.scriptHashes),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'cross-origin-opener-policy': 'same-origin',
  }
  if (o.production) h['strict-transport-security'] = 'max-age=31536000; includeSubDomains'
  return h
}

/** Path as the router might see it: decoded, duplicate slashes collapsed, lower case (for prefix checks). */
export function normalizedPath(rawPath: string): string {
  let p = rawPath.split('?')[0]!.split('#')[0]!
  try { p = decodeURIComponent(p) } catch { /* keep raw */ }
  return p.replace(/\\/g, '/').replace(/\/{2,}/g, '/').toLowerCase()
}

/**
 * Inline script blocks (no src). CSP's script-src governs executable ones and import maps; JSON
 * data blocks are not executed, but hashing every block is harmless and misses none.
 */
export function inlineScripts(html: string): string[] {
  const out: string[] = []
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi
  for (const m of html.matchAll(re)) {
    if (/\bsrc\s*=/i.test(m[1] ?? '')) continue
    out.push(m[2] ?? '')
  }
  return out
}

export type InputProblem = 'too_deep' | 'too_many_nodes' | 'unsafe_text'

/**
 * Walks a parsed JSON value (iteratively: a hostile depth cannot overflow the stack) and names
 * the first problem: nesting over `maxDepth`, more than `maxNodes` values, or a key or string
 * with NUL / lone surrogates. `null` = acceptable.
 */
export function inspectInput(value: unknown, maxDepth = MAX_JSON_DEPTH, maxNodes = MAX_JSON_NODES): InputProblem | null {
  const stack: Array<{ v: unknown, depth: number }> = [{ v: value, depth: 0 }]
  let nodes = 0
  while (stack.length) {
    const { v, depth } = stack.pop()!
    if (++nodes > maxNodes) return 'too_many_nodes'
    if (typeof v === 'string') {
      if (hasUnsafeText(v)) return 'unsafe_text'
      continue
    }
    if (v === null || typeof v !== 'object') continue
    if (depth >= maxDepth) return 'too_deep'
    if (Array.isArray(v)) {
      for (const x of v) stack.push({ v: x, depth: depth + 1 })
      continue
    }
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (hasUnsafeText(k)) return 'unsafe_text'
      stack.push({ v: x, depth: depth + 1 })
    }
  }
  return null
}

/** The path as sent, decoded: null when it is not valid percent-encoded UTF-8 or carries NUL. */
export function decodedPathOrNull(rawPath: string): string | null {
  const p = rawPath.split('?')[0]!
  let d: string
  try { d = decodeURIComponent(p) } catch { return null }
  return hasUnsafeText(d) ? null : d
}

/** Query parameters: raw `a=b&c=d` pairs, each key and value decoded strictly. */
export function queryIsSafe(rawPath: string): boolean {
  const i = rawPath.indexOf('?')
  if (i < 0) return true
  const q = rawPath.slice(i + 1).split('#')[0]!
  for (const part of q.split('&')) {
    if (!part) continue
    let d: string
    try { d = decodeURIComponent(part.replace(/\+/g, ' ')) } catch { return false }
    if (hasUnsafeText(d)) return false
  }
  return true
}

/** Public, personal-data-free reads that browsers and proxies may keep (everything else under /api is no-store). */
const CACHEABLE_API = /^\/api\/(?:search|cases|statutes|service-points|health)(?:\/|$)/
/** Pages that show or collect personal data, and the console. */
const PRIVATE_PAGES = /^\/(?:staff|legal-aid|appointments|eligibility|forms)(?:\/|$)/

/**
 * `Cache-Control: no-store` by path: every API answer except the public content reads, the staff
 * console and the pages that show or collect personal data. Routes may still set their own.
 */
export function needsNoStore(path: string, method: string): boolean {
  if (path.startsWith('/api/')) return method !== 'GET' || !CACHEABLE_API.test(path)
  return PRIVATE_PAGES.test(path)
}
