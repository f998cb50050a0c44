// Session rules with an injected clock: when a session is still valid, when to slide it.
import { createHash, randomBytes } from 'node:crypto'

export interface SessionPolicy {
  idleMs: number
  absoluteMs: number
  /** Minimum gap between two last_seen_at writes (write throttling). */
  touchEveryMs: number
}

export function sessionPolicy(cfg: { idleMinutes: number, absoluteHours: number }, touchEveryMs = 60_000): SessionPolicy {
  return { idleMs: cfg.idleMinutes * 60_000, absoluteMs: cfg.absoluteHours * 3_600_000, touchEveryMs }
}

export interface SessionTimes {
  createdAt: Date
  lastSeenAt: Date
  expiresAt: Date
  revokedAt: Date | null
}

export type SessionVerdict = 'valid' | 'revoked' | 'idle_expired' | 'absolute_expired'

/**
 * A session is valid while strictly less than the idle limit has passed since it was last seen and
 * `now` is strictly before its absolute expiry: at exactly the limit it has expired.
 */
export function sessionVerdict(s: SessionTimes, now: Date, policy: SessionPolicy): SessionVerdict {
  if (s.revokedAt) return 'revoked'
  const absoluteEnd = Math.min(s.expiresAt.getTime(), s.createdAt.getTime() + policy.absoluteMs)
  if (now.getTime() >= absoluteEnd) return 'absolute_expired'
  if (now.getTime() - s.lastSeenAt.getTime() >= policy.idleMs) return 'idle_expired'
  return 'valid'
}

/** Whether to write last_seen_at now (at most once per `touchEveryMs`). */
export function shouldTouch(s: Pick<SessionTimes, 'lastSeenAt'>, now: Date, policy: SessionPolicy): boolean {
  return now.getTime() - s.lastSeenAt.getTime() >= policy.touchEveryMs
}

export function absoluteExpiry(createdAt: Date, policy: SessionPolicy): Date {
  return new Date(createdAt.getTime() + policy.absoluteMs)
}

/** A fresh random cookie token (32 bytes) and the id stored for it (sha256, hex). */
export function newSessionToken(): { token: string, id: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, id: sessionIdOf(token) }
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Cookie tokens are 43 base64url characters; anything else is not looked up at all. */
export function looksLikeToken(v: unknown): v is string {
  return typeof v === 'string' && /^[A-Za-z0-9_-]{43}$/.test(v)
}

export interface CookieSettings { name: string, secure: boolean }

/** `__Host-` prefix and Secure in production (or when forced), a plain name in development. */
export function sessionCookieSettings(cfg: { env: string, session: { secureCookie: 'auto' | 'true' | 'false' } }): CookieSettings {
  const secure = cfg.session.secureCookie === 'true' || (cfg.session.secureCookie === 'auto' && cfg.env === 'production')
  return { secure, name: secure ? '__Host-portal_session' : 'portal_session' }
}
