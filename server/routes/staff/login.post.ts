// The staff login form without JavaScript: <form method="post" action="/staff/login"> lands here,
// signs in exactly as POST /api/auth/login does (same service, same throttles and audit), sets the
// session cookie and answers 303 See Other to the console page (or back to the form with an error
// code; the username is not put in the address, the password never is). With JavaScript the page
// posts JSON to /api/auth/login instead: same result.
import { loginBody } from '../../../shared/schemas/staff'
import { hasUnsafeText } from '../../../shared/schemas/zod'
import { isErrorCode } from '../../../shared/errors'
import { DomainError } from '../../domain/errors'
import { login } from '../../domain/staff/service'
import { field, formDone, readFormFields } from '../../utils/form-post'

/** Only a console page may follow a sign-in (no open redirect). */
function staffNextPath(v: unknown): string {
  return typeof v === 'string' && /^\/staff(?:[/?#]|$)/.test(v) && !v.startsWith('//') && !v.startsWith('/staff/login') && v.length < 300 ? v : '/staff'
}

export default defineEventHandler(async (event) => {
  const f = await readFormFields(event)
  const next = staffNextPath(field(f, 'next'))
  const back = (code: string) => formDone(event, `/staff/login?error=${isErrorCode(code) ? code : 'BAD_REQUEST'}${next === '/staff' ? '' : `&next=${encodeURIComponent(next)}`}`)
  // NUL and lone surrogates are not text (PostgreSQL cannot store NUL): refused before any work, as every console form is
  if (Object.values(f).some(vs => vs.some(hasUnsafeText))) return back('BAD_INPUT')
  const parsed = loginBody.safeParse({ username: field(f, 'username') ?? '', password: field(f, 'password') ?? '' })
  if (!parsed.success) return back('VALIDATION')
  const app = await useApp()
  try {
    const ok = await login({ ...staffDeps(app), ipHash: requestIpHash(event, app) }, parsed.data)
    setSessionCookie(event, app, ok.token, ok.expiresAt)
    return formDone(event, next)
  } catch (e) {
    if (e instanceof DomainError) return back(e.code)
    throw e
  }
})
