// The staff password policy as pure rules: the console forms (through the zod schemas in
// shared/schemas/staff.ts) and the server (server/domain/staff/password.ts) apply the same ones.
// Length is counted in characters (a Chinese pass phrase of 10 characters is accepted).

export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 256

export type PasswordProblem = 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_LONG' | 'PASSWORD_TOO_SIMPLE' | 'PASSWORD_CONTAINS_USERNAME'

/** Problems with a proposed password, as stable codes (empty = acceptable). Never echoes the password. */
export function passwordProblems(password: string, context: { username?: string } = {}): PasswordProblem[] {
  const out: PasswordProblem[] = []
  const chars = [...password]
  if (chars.length < PASSWORD_MIN_LENGTH) out.push('PASSWORD_TOO_SHORT')
  if (chars.length > PASSWORD_MAX_LENGTH) out.push('PASSWORD_TOO_LONG')
  if (chars.length >= PASSWORD_MIN_LENGTH && new Set(chars).size < 4) out.push('PASSWORD_TOO_SIMPLE')
  if (context.username && context.username.length >= 3 && password.toLowerCase().includes(context.username.toLowerCase())) {
    out.push('PASSWORD_CONTAINS_USERNAME')
  }
  return out
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  PASSWORD_TOO_SHORT: `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`,
  PASSWORD_TOO_LONG: `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符`,
  PASSWORD_TOO_SIMPLE: '密码过于简单，请使用更多不同的字符',
  PASSWORD_CONTAINS_USERNAME: '密码不能包含用户名',
}

/** The hint shown under every new-password field. */
export const PASSWORD_HINT = `至少 ${PASSWORD_MIN_LENGTH} 个字符，至少 4 种不同的字符，不能包含用户名。`
