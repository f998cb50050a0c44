/**
 * The look-up limit for anything a member of the public opens with a reference + phone (legal-aid
 * status and actions, appointments): at most LOOKUP_LIMIT failed attempts per address and per
 * reference within LOOKUP_WINDOW_MS, counted in PostgreSQL so every instance sees the same count.
 */
import type { DbOrTx } from '../../db/client'
import { countLookupAttempts, insertLookupAttempt } from '../../repositories/lookup-attempts'
import { DomainError } from '../errors'

export const LOOKUP_LIMIT = 10
export const LOOKUP_WINDOW_MS = 15 * 60_000

export interface LookupKey {
  /** Hash of the client address (never the address). */
  ipHash: string
  /** Keyed hash of the reference the person typed. */
  referenceKey: string
}

/** Throws TOO_MANY_LOOKUPS when the address or the reference has used up its failed attempts. */
export async function assertLookupAllowed(db: DbOrTx, key: LookupKey, now: Date): Promise<void> {
  const since = new Date(now.getTime() - LOOKUP_WINDOW_MS)
  const [byIp, byRef] = await Promise.all([
    countLookupAttempts(db, since, { ipHash: key.ipHash, failedOnly: true }),
    countLookupAttempts(db, since, { referenceKey: key.referenceKey, failedOnly: true }),
  ])
  if (byIp >= LOOKUP_LIMIT || byRef >= LOOKUP_LIMIT) throw new DomainError('TOO_MANY_LOOKUPS')
}

/** Records one attempt; failed ones count towards the limit. */
export async function recordLookup(db: DbOrTx, key: LookupKey, ok: boolean, now: Date): Promise<void> {
  await insertLookupAttempt(db, { ...key, ok, at: now })
}
