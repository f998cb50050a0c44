// The staff console's forms without JavaScript. Each console form is a real
// <form method="post" action="/staff/…"> (server/routes/staff/**); with JavaScript the page sends
// JSON to the matching /api route instead (same service, same checks, same audit). Without it the
// form route answers 303 See Other, to the next page or back to the form, and leaves a one-time
// "flash" for the page it lands on: the notice, or the error and the message of each field in
// error, plus the fields typed (never a password) so a long text is not lost. The flash is sealed
// (AES-256-GCM, the draft codec of server/domain/http/form-state.ts) in an HttpOnly cookie scoped
// to /staff; server/middleware/staff-flash.ts opens and clears it on the next page load and hands
// it to the page through event.context (useStaffFlash in the app). A form with a file input
// (`upload`) is multipart/form-data; its body is read only after the role check.
import type { H3Event } from 'h3'
import { ZodError } from 'zod'
import type { StaffFlash, StaffRole } from '../../shared/types/staff'
import { errorCatalogue, isErrorCode, type ErrorCode } from '../../shared/errors'
import { hasUnsafeText, UNSAFE_TEXT_MESSAGE } from '../../shared/schemas/zod'
import type { AppContext } from '../app-context'
import { loadConfig } from '../config'
import { DomainError } from '../domain/errors'
import { formStateCodec, safeReturnPath } from '../domain/http/form-state'
import type { SessionActor } from '../domain/staff/service'
import { toHttpError } from './api'
import { assertSameOriginForm, formDone, formErrorQuery, readFormFields, readMultipartFields, type FormFields, type UploadedFile } from './form-post'

export const STAFF_FLASH_COOKIE = 'staff_flash'
const FLASH_CHUNKS = 4
const FLASH_TTL_S = 120

let codec: ReturnType<typeof formStateCodec> | undefined
async function codecOf() {
  codec ??= formStateCodec((await useApp()).cryptoKey)
  return codec
}

function flashCookieOptions(maxAge: number) {
  const config = loadConfig()
  const secure = config.env === 'production' || config.session.secureCookie === 'true'
  return { httpOnly: true, sameSite: 'lax' as const, path: '/staff', secure, maxAge }
}

/** Seals the flash into the response; values are dropped when the whole would not fit. */
export async function setStaffFlash(event: H3Event, flash: StaffFlash): Promise<void> {
  const c = await codecOf()
  let chunks: string[]
  try {
    chunks = c.seal(flash, Date.now())
  } catch {
    chunks = c.seal({ ...flash, values: undefined }, Date.now())
  }
  for (let i = 0; i < FLASH_CHUNKS; i++) {
    if (i < chunks.length) setCookie(event, `${STAFF_FLASH_COOKIE}${i}`, chunks[i]!, flashCookieOptions(FLASH_TTL_S))
    else if (getCookie(event, `${STAFF_FLASH_COOKIE}${i}`) !== undefined) deleteCookie(event, `${STAFF_FLASH_COOKIE}${i}`, flashCookieOptions(0))
  }
}

/** Opens and clears the flash of this request (the page load after a form's redirect). */
export async function takeStaffFlash(event: H3Event): Promise<StaffFlash | null> {
  const chunks: string[] = []
  for (let i = 0; i < FLASH_CHUNKS; i++) {
    const v = getCookie(event, `${STAFF_FLASH_COOKIE}${i}`)
    if (v === undefined) break
    chunks.push(v)
    deleteCookie(event, `${STAFF_FLASH_COOKIE}${i}`, flashCookieOptions(0))
  }
  if (!chunks.length) return null
  const v = (await codecOf()).open(chunks, Date.now()) as StaffFlash | undefined
  return v && typeof v === 'object' && typeof v.form === 'string' ? v : null
}

const SECRET_FIELD = /password/i

/** The typed fields worth giving back (never a password). */
export function typedValues(f: FormFields): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [k, v] of Object.entries(f)) {
    if (SECRET_FIELD.test(k) || k.startsWith('_')) continue
    out[k] = v.length === 1 ? v[0]! : v
  }
  return out
}

export interface StaffFormRequest { event: H3Event, fields: FormFields }
export interface StaffFormContext extends StaffFormRequest { actor: SessionActor, app: AppContext, files: Record<string, UploadedFile> }
export interface StaffFormDone { to: string, notice?: string, data?: Record<string, unknown> }
/** A form's answer in the address: the result (`done=…`), or a refusal's `error=CODE&field=name` (formErrorQuery). */
export type FormQuery = Record<string, string>

interface StaffFormAccess {
  roles?: readonly StaffRole[]
  passwordChangePending?: boolean
}
/** Refusals come back in the sealed flash of `form`, on the page `back` names (with what was typed). */
export interface FlashStaffForm extends StaffFormAccess {
  form: string
  back: (event: H3Event, fields: FormFields) => string
  /**
   * A form with a file input (multipart/form-data, `ctx.files`): bodies over `maxBytes` are not
   * read; they, and a body that is not multipart, come back as the `tooLarge` / `invalid` refusal.
   */
  upload?: { maxBytes: number, tooLarge: ErrorCode, invalid: ErrorCode }
}
/**
 * Refusals come back in the address: `refused` builds it from the refusal's query (and may add to
 * it, e.g. which form failed). Without a session, or without the role, the answer is the plain
 * 401/403 of requireStaff (the day view's, the schedule page's and the hotline queue's forms).
 */
export interface QueryStaffForm extends StaffFormAccess {
  refused: (q: FormQuery, req: StaffFormRequest & { error: unknown }) => string
}

/**
 * A console form route, the one way to write one: same-origin form body (readFormFields) → a
 * signed-in member with one of `roles` → `run` (validate, call one service) → 303 to `to`.
 * Domain errors and zod failures come back to the form, in the flash (`form` + `back`: the sign-in
 * page when signed out, the refusal's message when the role is wrong) or in the address
 * (`refused`); anything else is a logged 500.
 */
export function defineStaffFormHandler(opts: FlashStaffForm, run: (ctx: StaffFormContext) => Promise<StaffFormDone>): ReturnType<typeof defineEventHandler>
export function defineStaffFormHandler(opts: QueryStaffForm, run: (ctx: StaffFormContext) => Promise<{ to: string }>): ReturnType<typeof defineEventHandler>
export function defineStaffFormHandler(opts: FlashStaffForm | QueryStaffForm, run: (ctx: StaffFormContext) => Promise<StaffFormDone>) {
  if ('refused' in opts) {
    return defineEventHandler(async (event) => {
      const fields = await readFormFields(event)
      const actor = await requireStaff(event, opts.roles, { passwordChangePending: opts.passwordChangePending })
      try {
        return formDone(event, (await run({ event, actor, fields, files: {}, app: await useApp() })).to)
      } catch (error) {
        return formDone(event, opts.refused(formErrorQuery(error), { event, fields, error }))
      }
    })
  }
  const upload = opts.upload
  return defineEventHandler(async (event) => {
    // A form with a file is read only once a member with the role is known: nobody else makes the
    // server parse a large body (its `back` therefore cannot depend on the fields).
    if (upload) assertSameOriginForm(event)
    let fields: FormFields = upload ? {} : await readFormFields(event)
    let files: Record<string, UploadedFile> = {}
    const back = safeReturnPath(opts.back(event, fields), '/staff')
    const app = await useApp()
    const flashBack = async (flash: Omit<StaffFlash, 'form'>, withValues = true) => {
      await setStaffFlash(event, { form: opts.form, ...flash, ...(withValues ? { values: typedValues(fields) } : {}) })
      return formDone(event, back)
    }
    if (!await optionalActor(event)) {
      await auditRefusal(event, null, 401) // signed out: refused (audited), and sent to sign in
      return formDone(event, `/staff/login?next=${encodeURIComponent(back)}`)
    }
    // NUL and lone surrogates are not text (PostgreSQL cannot store NUL): refused before any work
    if (Object.values(fields).some(vs => vs.some(hasUnsafeText))) {
      return flashBack({ error: { code: 'BAD_INPUT', message: UNSAFE_TEXT_MESSAGE } }, false)
    }
    let actor: SessionActor
    try {
      actor = await requireStaff(event, opts.roles, { passwordChangePending: opts.passwordChangePending })
    } catch (e) {
      const code = (e as { data?: { code?: unknown } }).data?.code
      if (code === 'PASSWORD_CHANGE_REQUIRED') return formDone(event, '/staff/password')
      const c = typeof code === 'string' && isErrorCode(code) ? code : 'FORBIDDEN'
      return flashBack({ error: { code: c, message: errorCatalogue[c].message } }, false)
    }
    if (upload) {
      const body = await readMultipartFields(event, upload.maxBytes)
      if (body.refused) {
        const code = body.refused === 'too_large' ? upload.tooLarge : upload.invalid
        return flashBack({ error: { code, message: errorCatalogue[code].message } }, false)
      }
      ;({ fields, files } = body)
      if (Object.values(fields).some(vs => vs.some(hasUnsafeText))) {
        return flashBack({ error: { code: 'BAD_INPUT', message: UNSAFE_TEXT_MESSAGE } }, false)
      }
    }
    try {
      const done = await run({ event, actor, fields, files, app })
      if (done.notice || done.data) await setStaffFlash(event, { form: opts.form, notice: done.notice, data: done.data })
      return formDone(event, done.to)
    } catch (e) {
      if (e instanceof DomainError) return flashBack({ error: { code: e.code, message: e.message } })
      if (e instanceof ZodError) {
        const out: Record<string, string> = {}
        for (const i of e.issues) out[String(i.path[0] ?? '_')] ??= i.message
        return flashBack({ error: { code: 'VALIDATION', message: errorCatalogue.VALIDATION.message }, fields: out })
      }
      // a constraint the database caught (e.g. a taken username) has a catalogue code too
      const http = toHttpError(e) as { statusCode?: number, data?: { code?: unknown, message?: unknown } }
      const code = http.data?.code
      if (typeof http.statusCode === 'number' && http.statusCode < 500 && typeof code === 'string' && isErrorCode(code)) {
        return flashBack({ error: { code, message: typeof http.data?.message === 'string' ? http.data.message : errorCatalogue[code].message } })
      }
      throw http
    }
  })
}
