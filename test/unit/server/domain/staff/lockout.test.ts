import { describe, expect, it } from 'vitest'
import { afterFailure, afterSuccess, IP_FAILURE_LIMIT, ipLimited, isLocked, LOCKOUT_MS, replayFailures, type LockState } from '~~/server/domain/staff/lockout'

const t0 = new Date('2026-03-01T08:00:00Z')
const at = (ms: number) => new Date(t0.getTime() + ms)

function fail(times: number, start: LockState = { failedLogins: 0, lockedUntil: null }) {
  let s: LockState & { justLocked?: boolean } = start
  for (let i = 0; i < times; i++) s = afterFailure(s, at(i * 1000))
  return s
}

describe('account lockout', () => {
  it('does not lock after 4 consecutive failures', () => {
    const s = fail(4)
    expect(s.failedLogins).toBe(4)
    expect(isLocked(s, at(5000))).toBe(false)
  })

  it('locks on the 5th failure for exactly 15 minutes', () => {
    const s = fail(5)
    expect(s.justLocked).toBe(true)
    expect(s.lockedUntil).toEqual(at(4000 + LOCKOUT_MS))
    expect(isLocked(s, at(4000 + LOCKOUT_MS - 1))).toBe(true)
    expect(isLocked(s, at(4000 + LOCKOUT_MS))).toBe(false)
  })

  it('after the lock ends, another 5 failures are needed to lock again', () => {
    const locked = fail(5)
    const after = afterFailure(locked, at(4000 + LOCKOUT_MS + 1))
    expect(after.justLocked).toBe(false)
    expect(after.failedLogins).toBe(1)
  })

  it('a success resets the count', () => {
    const s = afterSuccess()
    expect(s).toEqual({ failedLogins: 0, lockedUntil: null })
    expect(afterFailure(s, t0).failedLogins).toBe(1)
  })

  it('replaying recorded failures of an unknown name locks the same way', () => {
    const times = [0, 1, 2, 3, 4].map(i => at(i * 1000))
    expect(isLocked(replayFailures(times.slice(0, 4), at(5000)), at(5000))).toBe(false)
    const s = replayFailures(times, at(5000))
    expect(s.lockedUntil).toEqual(fail(5).lockedUntil)
    expect(isLocked(s, at(4000 + LOCKOUT_MS))).toBe(false)
  })

  it('replay ignores failures in the future of `now`', () => {
    expect(replayFailures([at(0), at(1), at(2), at(3), at(10_000)], at(5000)).lockedUntil).toBeNull()
  })
})

describe('per-address limit', () => {
  it('refuses from the 20th failure in the window', () => {
    expect(IP_FAILURE_LIMIT).toBe(20)
    expect(ipLimited(19)).toBe(false)
    expect(ipLimited(20)).toBe(true)
  })
})
