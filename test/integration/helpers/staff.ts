// The staff service's integration tests share their set-up: one password that passes the policy,
// the service's deps with the session limits the portal ships (30 min idle, 12 h absolute), a new
// member, and the code a use case refused with.
import type { Db } from '~~/server/db/client'
import { DomainError } from '~~/server/domain/errors'
import { sessionPolicy } from '~~/server/domain/staff/session'
import { createStaff, type StaffDeps } from '~~/server/domain/staff/service'

export const STAFF_PASSWORD = 'Shu-Ju-Ku-2026'

/** 'OK', or the DomainError code the promise rejects with; anything else fails the test. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p
    return 'OK'
  } catch (e) {
    if (e instanceof DomainError) return e.code
    throw e
  }
}

/** The staff service's deps on `db`, with the test's clock and personal-data key. */
export function staffTestDeps(db: Db, now: () => Date, key: Buffer): StaffDeps {
  return { db, now, policy: sessionPolicy({ idleMinutes: 30, absoluteHours: 12 }), key }
}

/** A new staff member (display name 测试) with STAFF_PASSWORD, created by the system. */
export function newStaff(deps: StaffDeps, username: string, role: 'operator' | 'admin' = 'operator') {
  return createStaff(deps, { username, displayName: '测试', role, password: STAFF_PASSWORD }, 'system')
}
