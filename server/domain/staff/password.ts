// Password policy and hashing (argon2id). Framework-free: used by routes, the CLI and the seed.
import { hash, verify } from '@node-rs/argon2'
import { DomainError } from '../errors'

export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 256

/**
 * argon2id with OWASP's first recommended profile (19 MiB, 2 passes, 1 lane). Algorithm 2 is
 * `Algorithm.Argon2id` (a const enum in the package's types, so spelled as its value here).
 */
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const

/** Problems with a proposed password, as stable codes (empty = acceptable). Never echoes the password. */
export function passwordProblems(password: string, context: { username?: string } = {}): string[] {
  const out: string[] = []
  const chars = [...password]
  if (chars.length < PASSWORD_MIN_LENGTH) out.push('PASSWORD_TOO_SHORT')
  if (chars.length > PASSWORD_MAX_LENGTH) out.push('PASSWORD_TOO_LONG')
  if (chars.length >= PASSWORD_MIN_LENGTH && new Set(chars).size < 4) out.push('PASSWORD_TOO_SIMPLE')
  if (context.username && context.username.length >= 3 && password.toLowerCase().includes(context.username.toLowerCase())) {
    out.push('PASSWORD_CONTAINS_USERNAME')
  }
  return out
}

const messages: Record<string, string> = {
  PASSWORD_TOO_SHORT: `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`,
  PASSWORD_TOO_LONG: `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符`,
  PASSWORD_TOO_SIMPLE: '密码过于简单，请使用更多不同的字符',
  PASSWORD_CONTAINS_USERNAME: '密码不能包含用户名',
}

/** Throws DomainError(WEAK_PASSWORD) with the first problem's Chinese message. */
export function assertPasswordAcceptable(password: string, context: { username?: string } = {}): void {
  const problems = passwordProblems(password, context)
  if (problems.length) throw new DomainError('WEAK_PASSWORD', { problems }, messages[problems[0]!]!)
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
