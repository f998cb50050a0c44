// Login throttling rules with an injected clock: per-account lockout and per-address limit.

export const LOCKOUT_THRESHOLD = 5
export const LOCKOUT_MS = 15 * 60_000
export const IP_FAILURE_LIMIT = 20
export const IP_WINDOW_MS = 15 * 60_000
/** Failures of unknown usernames older than this are forgotten (see replayFailures). */
export const UNKNOWN_USER_MEMORY_MS = 24 * 3_600_000

export interface LockState {
  /** Consecutive failures since the last success or lock. */
  failedLogins: number
  lockedUntil: Date | null
}

export function isLocked(s: LockState, now: Date): boolean {
  return s.lockedUntil !== null && now.getTime() < s.lockedUntil.getTime()
}

/**
 * After one more wrong password: the 5th consecutive failure locks the account for 15 minutes
 * and starts the count afresh (so after the lock another 5 failures are needed).
 */
export function afterFailure(s: LockState, now: Date): LockState & { justLocked: boolean } {
  const failed = s.failedLogins + 1
  if (failed >= LOCKOUT_THRESHOLD) {
    return { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MS), justLocked: true }
  }
  return { failedLogins: failed, lockedUntil: s.lockedUntil, justLocked: false }
}

export function afterSuccess(): LockState {
  return { failedLogins: 0, lockedUntil: null }
}

/**
 * The same state machine replayed over recorded failure times, for usernames that do not exist:
 * they must lock exactly like real accounts so the answer never tells whether a name exists.
 * Failures made while locked are not recorded against the name, so they are not in `times`.
 */
export function replayFailures(times: readonly Date[], now: Date): LockState {
  let s: LockState = { failedLogins: 0, lockedUntil: null }
  for (const t of [...times].sort((a, b) => a.getTime() - b.getTime())) {
    if (t.getTime() > now.getTime()) continue
    if (isLocked(s, t)) continue
    s = afterFailure(s, t)
  }
  return s
}

/** Per-address limit: refuse further attempts once `failuresInWindow` reaches the limit. */
export function ipLimited(failuresInWindow: number): boolean {
  return failuresInWindow >= IP_FAILURE_LIMIT
}

export function ipWindowStart(now: Date): Date {
  return new Date(now.getTime() - IP_WINDOW_MS)
}
