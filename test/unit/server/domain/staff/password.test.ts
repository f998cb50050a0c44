import { describe, expect, it } from 'vitest'
import { DomainError } from '~~/server/domain/errors'
import { assertPasswordAcceptable, burnPasswordCheck, hashPassword, passwordProblems, PASSWORD_MIN_LENGTH, verifyPassword } from '~~/server/domain/staff/password'

describe('password policy', () => {
  it('requires at least 10 characters', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10)
    expect(passwordProblems('Abc-12345')).toContain('PASSWORD_TOO_SHORT')
    expect(passwordProblems('Abc-123456')).toEqual([])
  })

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblems('法律援助服务平台密码很长')).toEqual([])
    expect(passwordProblems('法律援助服务平台密码')).toEqual([])
    expect(passwordProblems('法律援助服务平台密')).toContain('PASSWORD_TOO_SHORT')
  })

  it('refuses one repeated character and a password containing the username', () => {
    expect(passwordProblems('aaaaaaaaaaaa')).toContain('PASSWORD_TOO_SIMPLE')
    expect(passwordProblems('zhangsan-2024!', { username: 'zhangsan' })).toContain('PASSWORD_CONTAINS_USERNAME')
  })

  it('throws WEAK_PASSWORD with a Chinese message and never the password itself', () => {
    try {
      assertPasswordAcceptable('short-pw')
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError)
      expect((e as DomainError).code).toBe('WEAK_PASSWORD')
      expect((e as DomainError).message).toMatch(/至少需要 10 个字符/)
      expect((e as DomainError).message).not.toContain('short-pw')
    }
  })
})

describe('argon2id hashing', () => {
  it('produces an argon2id PHC string with the chosen cost and verifies only the right password', async () => {
    const h = await hashPassword('Correct-Horse-9')
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(await verifyPassword(h, 'Correct-Horse-9')).toBe(true)
    expect(await verifyPassword(h, 'Correct-Horse-8')).toBe(false)
  })

  it('treats a malformed stored hash as a mismatch, and the dummy check is always false', async () => {
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false)
    expect(await burnPasswordCheck('anything')).toBe(false)
  })
})
