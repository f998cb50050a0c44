import { describe, expect, it } from 'vitest'
import { looksLikeToken, newSessionToken, sessionCookieSettings, sessionIdOf, sessionPolicy, sessionVerdict, shouldTouch } from '~~/server/domain/staff/session'

const policy = sessionPolicy({ idleMinutes: 30, absoluteHours: 12 })
const t0 = new Date('2026-03-01T08:00:00Z')
const at = (ms: number) => new Date(t0.getTime() + ms)
const MIN = 60_000
const session = (lastSeenMs = 0, extra: Partial<{ revokedAt: Date | null }> = {}) => ({
  createdAt: t0, lastSeenAt: at(lastSeenMs), expiresAt: at(12 * 60 * MIN), revokedAt: null, ...extra,
})

describe('session expiry (fake clock)', () => {
  it('is valid one millisecond before the idle limit and expired exactly at it', () => {
    expect(sessionVerdict(session(), at(30 * MIN - 1), policy)).toBe('valid')
    expect(sessionVerdict(session(), at(30 * MIN), policy)).toBe('idle_expired')
  })

  it('slides: activity resets the idle clock', () => {
    expect(sessionVerdict(session(29 * MIN), at(58 * MIN), policy)).toBe('valid')
    expect(sessionVerdict(session(29 * MIN), at(59 * MIN), policy)).toBe('idle_expired')
  })

  it('ends exactly at the absolute limit even when active', () => {
    const active = 12 * 60 * MIN - 1000
    expect(sessionVerdict(session(active), at(12 * 60 * MIN - 1), policy)).toBe('valid')
    expect(sessionVerdict(session(active), at(12 * 60 * MIN), policy)).toBe('absolute_expired')
  })

  it('uses the shorter of the stored expiry and the configured absolute limit', () => {
    const short = sessionPolicy({ idleMinutes: 30, absoluteHours: 1 })
    expect(sessionVerdict(session(59 * MIN), at(60 * MIN), short)).toBe('absolute_expired')
  })

  it('a revoked session is never valid', () => {
    expect(sessionVerdict(session(0, { revokedAt: at(1) }), at(2), policy)).toBe('revoked')
  })

  it('throttles last_seen_at writes to once a minute', () => {
    expect(shouldTouch(session(), at(MIN - 1), policy)).toBe(false)
    expect(shouldTouch(session(), at(MIN), policy)).toBe(true)
  })
})

describe('session tokens and cookie', () => {
  it('stores the sha256 of a 32-byte random token, never the token', () => {
    const a = newSessionToken()
    const b = newSessionToken()
    expect(a.token).not.toBe(b.token)
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(32)
    expect(a.id).toMatch(/^[0-9a-f]{64}$/)
    expect(a.id).toBe(sessionIdOf(a.token))
    expect(a.id).not.toContain(a.token)
    expect(looksLikeToken(a.token)).toBe(true)
    expect(looksLikeToken('x'.repeat(42))).toBe(false)
    expect(looksLikeToken(`${'a'.repeat(42)}'`)).toBe(false)
  })

  it('uses __Host- and Secure in production or when forced, a plain name in development', () => {
    expect(sessionCookieSettings({ env: 'production', session: { secureCookie: 'auto' } })).toEqual({ name: '__Host-portal_session', secure: true })
    expect(sessionCookieSettings({ env: 'development', session: { secureCookie: 'auto' } })).toEqual({ name: 'portal_session', secure: false })
    expect(sessionCookieSettings({ env: 'development', session: { secureCookie: 'true' } }).secure).toBe(true)
    expect(sessionCookieSettings({ env: 'production', session: { secureCookie: 'false' } })).toEqual({ name: 'portal_session', secure: false })
  })
})
