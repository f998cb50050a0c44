// Password policy and hashing (argon2id). Framework-free: used by routes, the CLI and the seed.
import { hash, verify } from '@node-rs/argon2'
import { DomainError } from '../errors'
import { PASSWORD_PROBLEM_MESSAGES, passwordProblems } from '../../../shared/domain/staff/password-rules'

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from '../../../shared/domain/staff/password-rules'

/**
 * argon2id with OWASP's first recommended profile (19 MiB, 2 passes, 1 lane). Algorithm 2 is
 * `Algorithm.Argon2id` (a const enum in the package's types, so spelled as its value here).
 */
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const

/** Throws DomainError(WEAK_PASSWORD) with the first problem's Chinese message. */
export function assertPasswordAcceptable(password: string, context: { username?: string } = {}): void {
  const problems = passwordProblems(password, context)
  if (problems.length) throw new DomainError('WEAK_PASSWORD', { problems }, PASSWORD_PROBLEM_MESSAGES[problems[0]!])
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS as never)
}

/** Constant-time comparison inside argon2; a malformed stored hash counts as a mismatch. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

let dummy: Promise<string> | undefined
/**
 * Verifies against a throwaway hash with the same parameters, so an unknown or locked account
 * costs the same time as a wrong password. Always resolves false.
 */
export async function burnPasswordCheck(password: string): Promise<false> {
  dummy ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`)
  await verifyPassword(await dummy, password)
  return false
}
