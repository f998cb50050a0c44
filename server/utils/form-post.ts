// Nitro glue for the public forms that work without JavaScript: a real <form method="post"> to a
// route under /forms/**, answered with 303 See Other (the next step, the result, or the form again
// with its errors). With JavaScript the page sends the same form with fetch and
// `Accept: application/json` and gets `{ location }` instead of the redirect: one handler, one
// result. The form routes live outside /api, so the same-origin and size checks are done here.
import type { H3Event } from 'h3'
import { loadConfig } from '../config'
import { FORM_STATE_COOKIE, MAX_CHUNKS, formStateCodec, safeReturnPath } from '../domain/http/form-state'
import { contentLengthTooLarge, isSameOriginWrite, parseAllowedOrigins } from '../domain/http/request-guards'
import { toHttpError } from './api'

export const MAX_FORM_BYTES = 32 * 1024

function refuse(status: number, code: string, message: string) {
  return createError({ status, message, data: { code, message } })
}

/** Same-origin check for a form POST (CSRF), as the /api middleware does for JSON writes. */
export function assertSameOriginForm(event: H3Event) {
  const config = loadConfig()
  const h = (n: string) => getRequestHeader(event, n) ?? null
  const self = getRequestURL(event, { xForwardedHost: config.trustProxy > 0, xForwardedProto: config.trustProxy > 0 }).origin
  if (!isSameOriginWrite({ self, allowed: parseAllowedOrigins(config.allowedOrigins), origin: h('origin'), secFetchSite: h('sec-fetch-site'), referer: h('referer') })) {
    throw refuse(403, 'CROSS_ORIGIN', '请求来源不被允许')
  }
}

export type FormFields = Record<string, string[]>

/** Reads an application/x-www-form-urlencoded body (32 KiB at most) after the same-origin check. */
export async function readFormFields(event: H3Event): Promise<FormFields> {
  assertSameOriginForm(event)
  if (contentLengthTooLarge(getRequestHeader(event, 'content-length'), MAX_FORM_BYTES)) throw refuse(413, 'PAYLOAD_TOO_LARGE', '提交的内容过大')
  const type = (getRequestHeader(event, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  const raw = await readRawBody(event, 'utf8')
  if (raw && raw.length > MAX_FORM_BYTES) throw refuse(413, 'PAYLOAD_TOO_LARGE', '提交的内容过大')
  if (raw && type !== 'application/x-www-form-urlencoded') throw refuse(415, 'UNSUPPORTED_MEDIA_TYPE', '请通过页面上的表单提交')
  const out: FormFields = {}
  for (const [k, v] of new URLSearchParams(raw ?? '')) (out[k] ??= []).push(v)
  return out
}

export const field = (f: FormFields, name: string): string | undefined => f[name]?.[0]

export interface UploadedFile { bytes: Uint8Array, fileName: string }
/** A multipart form's text fields and files, or why it was not read (`too_large`: by Content-Length, unread). */
export interface MultipartFields { fields: FormFields, files: Record<string, UploadedFile>, refused?: 'too_large' | 'not_multipart' }
/** A text field of a multipart form longer than this is no field of ours: cut (the schemas then judge it). */
const MAX_MULTIPART_TEXT_BYTES = 4 * 1024

/**
 * Reads a multipart/form-data body (a form with a file input) after the same-origin check. Over
 * `maxBytes` by Content-Length: not read at all. Not multipart, or a body the parser refuses:
 * `not_multipart`. A file input sends a part with a file name (empty when nothing was chosen).
 */
export async function readMultipartFields(event: H3Event, maxBytes: number): Promise<MultipartFields> {
  assertSameOriginForm(event)
  const none = (refused: MultipartFields['refused']): MultipartFields => ({ fields: {}, files: {}, refused })
  if (contentLengthTooLarge(getRequestHeader(event, 'content-length'), maxBytes)) return none('too_large')
  const type = (getRequestHeader(event, 'content-type') ?? '').toLowerCase()
  if (!type.startsWith('multipart/form-data') || !/boundary=/.test(type)) return none('not_multipart')
  let parts: Awaited<ReturnType<typeof readMultipartFormData>>
  try {
    parts = await readMultipartFormData(event)
  } catch {
    return none('not_multipart')
  }
  if (!parts) return none('not_multipart')
  const out: MultipartFields = { fields: {}, files: {} }
  for (const p of parts) {
    if (!p.name) continue
    if (p.filename !== undefined) out.files[p.name] ??= { bytes: p.data, fileName: p.filename }
    else (out.fields[p.name] ??= []).push(p.data.subarray(0, MAX_MULTIPART_TEXT_BYTES).toString('utf8'))
  }
  return out
}

/** The error code (and the first field in error) of a failed form post, for the address back to the form. */
export function formErrorQuery(e: unknown): Record<string, string> {
  const err = toHttpError(e) as { data?: { code?: string, message?: string, issues?: Array<{ path: string, message: string }> }, statusCode?: number }
  if (!err?.data?.code) throw e
  const q: Record<string, string> = { error: err.data.code }
  const first = err.data.issues?.[0]
  if (first) q.field = first.path
  return q
}

/** The page sent the form itself (JavaScript): answer with JSON instead of a redirect. */
export function wantsJson(event: H3Event): boolean {
  return (getRequestHeader(event, 'accept') ?? '').includes('application/json')
}

/** 303 to `location` (no JavaScript) or `{ location }` (the page's own fetch). */
export function formDone(event: H3Event, location: string) {
  setHeader(event, 'cache-control', 'no-store')
  const to = safeReturnPath(location)
  if (wantsJson(event)) return { location: to }
  return sendRedirect(event, to, 303)
}

// --- the encrypted draft cookie ------------------------------------------------------------------

let codec: ReturnType<typeof formStateCodec> | undefined
async function codecOf() {
  if (!codec) codec = formStateCodec((await useApp()).cryptoKey)
  return codec
}

function cookieOptions() {
  const config = loadConfig()
  const secure = config.env === 'production' || config.session.secureCookie === 'true'
  return { httpOnly: true, sameSite: 'lax' as const, path: '/', secure }
}

/** The resident's draft (an object of named parts), or an empty object. */
export async function readFormState<T extends Record<string, unknown>>(event: H3Event): Promise<Partial<T>> {
  const cookies = parseCookies(event)
  const chunks: string[] = []
  for (let i = 0; i < MAX_CHUNKS; i++) {
    const c = cookies[`${FORM_STATE_COOKIE}${i}`]
    if (c === undefined) break
    chunks.push(c)
  }
  if (!chunks.length) return {}
  const v = (await codecOf()).open(chunks, Date.now())
  return v && typeof v === 'object' && !Array.isArray(v) ? v as Partial<T> : {}
}

export async function writeFormState(event: H3Event, value: Record<string, unknown>) {
  const chunks = (await codecOf()).seal(value, Date.now())
  const opts = cookieOptions()
  for (let i = 0; i < MAX_CHUNKS; i++) {
    if (i < chunks.length) setCookie(event, `${FORM_STATE_COOKIE}${i}`, chunks[i]!, opts)
    else deleteCookie(event, `${FORM_STATE_COOKIE}${i}`, opts)
  }
}

export function clearFormState(event: H3Event) {
  const opts = cookieOptions()
  for (let i = 0; i < MAX_CHUNKS; i++) deleteCookie(event, `${FORM_STATE_COOKIE}${i}`, opts)
}
