// Nitro glue for staff sign-in: the session cookie, the current actor, role checks.
import type { H3Event } from 'h3'
import type { AppContext } from '../app-context'
import type { StaffRole } from '../../shared/types/staff'
import { hasRole } from '../domain/staff/roles'
import { logout, resolveSession, type SessionActor, type StaffDeps } from '../domain/staff/service'
import { sessionCookieSettings, sessionPolicy } from '../domain/staff/session'
import { catalogueError } from './api'
import { clientAddress, hashIp } from './net'
import { loggablePath, logger, safeError } from './logger'
import { isStaffRoute } from '../domain/http/request-guards'
import { writeAudit } from '../repositories/audit'
import { auditActorOf } from '../domain/platform/actor'

export function staffDeps(app: AppContext, ipHash: string | null = null): StaffDeps {
  return { db: app.db, now: () => new Date(), policy: sessionPolicy(app.config.session), key: app.cryptoKey, ipHash }
}

/** `__Host-portal_session` (Secure) in production, `portal_session` in development. */
export function sessionCookie(app: AppContext) {
  return sessionCookieSettings(app.config)
}

export function setSessionCookie(event: H3Event, app: AppContext, token: string, expiresAt: Date): void {
  const c = sessionCookie(app)
  setCookie(event, c.name, token, {
    httpOnly: true, sameSite: 'lax', path: '/', secure: c.secure,
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000)),
  })
}

export function clearSessionCookie(event: H3Event, app: AppContext): void {
  const c = sessionCookie(app)
  setCookie(event, c.name, '', { httpOnly: true, sameSite: 'lax', path: '/', secure: c.secure, maxAge: 0 })
}

/**
 * Signs the requesting staff member out: the session ends on the server (the staff service's
 * logout, audited) and the cookie is cleared; without a session only the cookie is cleared. The
 * JSON route (POST /api/auth/logout) and the console's no-JS form (POST /staff/logout) both end here.
 */
export async function endStaffSession(event: H3Event): Promise<void> {
  const app = await useApp()
  const actor = await optionalActor(event)
  if (actor) await logout(staffDeps(app, requestIpHash(event, app)), {}, actor)
  clearSessionCookie(event, app)
}

/** Hashed client address for rate limits and audit (never stored in clear). */
export function requestIpHash(event: H3Event, app: AppContext): string {
  return hashIp(clientAddress(event), app.cryptoKey)
}

/** The signed-in staff member, or null. Resolved once per request. */
export async function optionalActor(event: H3Event): Promise<SessionActor | null> {
  const ctx = event.context as { staffActor?: Promise<SessionActor | null> }
  ctx.staffActor ??= (async () => {
    const app = await useApp()
    const token = getCookie(event, sessionCookie(app).name)
    if (!token) return null
    return resolveSession(staffDeps(app), token)
  })()
  return ctx.staffActor
}

export function unauthenticatedError() {
  return catalogueError('UNAUTHENTICATED')
}

export function forbiddenError() {
  return catalogueError('FORBIDDEN')
}

/**
 * The signed-in staff member, else 401 UNAUTHENTICATED; with `roles`, anyone else gets 403
 * FORBIDDEN. Roles are explicit: admin passes only where 'admin' is listed. A member whose
 * password an administrator reset gets 403 PASSWORD_CHANGE_REQUIRED everywhere except the few
 * routes that pass `{ passwordChangePending: true }` (who am I, change my password).
 */
export async function requireStaff(event: H3Event, roles?: readonly StaffRole[], opts: { passwordChangePending?: boolean } = {}): Promise<SessionActor> {
  const actor = await optionalActor(event)
  if (!actor) {
    await auditRefusal(event, null, 401)
    throw unauthenticatedError()
  }
  if (actor.mustChangePassword && !opts.passwordChangePending) {
    await auditRefusal(event, actor, 403)
    throw catalogueError('PASSWORD_CHANGE_REQUIRED')
  }
  if (!hasRole(actor.role, roles)) {
    await auditRefusal(event, actor, 403)
    throw forbiddenError()
  }
  setHeader(event, 'cache-control', 'no-store')
  return actor
}

/**
 * A refused call to a staff route (/api/staff/** and the console's form posts, isStaffRoute) leaves
 * an audit row: who (if signed in), which route (method and path, no query, personal-looking
 * segments masked), the hashed address, 401/403. Best effort: a failure to audit never turns the
 * refusal into an error.
 */
export async function auditRefusal(event: H3Event, actor: SessionActor | null, status: 401 | 403): Promise<void> {
  if (!isStaffRoute(event.path, event.method)) return
  try {
    const app = await useApp()
    await writeAudit(app.db, {
      actor: actor ? auditActorOf(actor) : null, action: 'auth.refused', objectType: 'route',
      objectId: `${event.method} ${loggablePath(event.path)}`.slice(0, 200), ipHash: requestIpHash(event, app), outcome: 'denied', detail: { status },
    })
  } catch (e) {
    logger.warn({ err: safeError(e) }, 'audit of a refused staff request failed')
  }
}

/** A request body with the signed-in member's username added (for the "no username in the password" rule). */
export function withUsername(body: unknown, username: string): unknown {
  return body && typeof body === 'object' && !Array.isArray(body) ? { ...body, username } : body
}
