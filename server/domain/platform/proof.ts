/**
 * Proof of ownership for the public: the reference a person was given plus the phone number they
 * gave. A wrong reference and a wrong phone get the same answer (the area's NOT_FOUND code), the
 * phone is compared as a keyed hash in constant time, and every attempt counts towards the
 * look-up limit.
 */
import { timingSafeEqual } from 'node:crypto'
import type { DbOrTx } from '../../db/client'
import type { PersonalDataCrypto } from '../crypto/aead'
import type { DomainError } from '../errors'
import { assertLookupAllowed, recordLookup } from './lookup-limit'

export interface ReferenceProof { reference: string, phone: string }

export interface ProofDeps { db: DbOrTx, crypto: Pick<PersonalDataCrypto, 'lookup'>, now: () => Date }

/** Constant-time comparison of two hashes. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * The record `proof` opens, else throws `notFound()` (or TOO_MANY_LOOKUPS past the limit).
 * `find` loads the record by its reference; `phoneHashOf` reads the stored phone hash.
 */
export async function proveByReferenceAndPhone<T>(
  deps: ProofDeps,
  proof: ReferenceProof,
  ipHash: string,
  find: (reference: string) => Promise<T | undefined>,
  phoneHashOf: (record: T) => string,
  notFound: () => DomainError,
): Promise<T> {
  const now = deps.now()
  const key = { ipHash, referenceKey: deps.crypto.lookup(proof.reference, 'reference') }
  await assertLookupAllowed(deps.db, key, now)
  const record = await find(proof.reference)
  const ok = record !== undefined && sameHash(phoneHashOf(record), deps.crypto.lookup(proof.phone, 'phone'))
  await recordLookup(deps.db, key, ok, now)
  if (!ok) throw notFound()
  return record as T
}
