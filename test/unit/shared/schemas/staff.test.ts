import { describe, expect, it } from 'vitest'
import { changeOwnPasswordBody, createStaffBody, resetStaffPasswordBody } from '~~/shared/schemas/staff'

const messages = (r: { success: boolean, error?: { issues: Array<{ path: PropertyKey[], message: string }> } }) =>
  Object.fromEntries((r.error?.issues ?? []).map(i => [String(i.path[0]), i.message]))

describe('staff password schemas (one for the form and the route)', () => {
  it('accepts a good change and names each problem by field', () => {
    expect(changeOwnPasswordBody.safeParse({ username: 'reviewer1', currentPassword: 'old-one', newPassword: 'Xin-Mi-Ma-2026', confirmPassword: 'Xin-Mi-Ma-2026' }).success).toBe(true)
    expect(messages(changeOwnPasswordBody.safeParse({ currentPassword: '', newPassword: 'short', confirmPassword: 'x' }))).toEqual({
      currentPassword: '请输入当前密码', newPassword: '密码至少需要 10 个字符', confirmPassword: '两次输入的新密码不一致',
    })
    expect(messages(changeOwnPasswordBody.safeParse({ currentPassword: 'a', newPassword: 'aaaaaaaaaaaa', confirmPassword: 'aaaaaaaaaaaa' })).newPassword).toBe('密码过于简单，请使用更多不同的字符')
    expect(messages(changeOwnPasswordBody.safeParse({ username: 'reviewer1', currentPassword: 'a', newPassword: 'reviewer1-2026', confirmPassword: 'reviewer1-2026' })).newPassword).toBe('密码不能包含用户名')
    expect(messages(changeOwnPasswordBody.safeParse({ currentPassword: 'Same-pass-2026', newPassword: 'Same-pass-2026', confirmPassword: 'Same-pass-2026' })).newPassword).toBe('新密码不能与当前密码相同')
  })

  it('applies the same policy to a reset and to a new account', () => {
    expect(resetStaffPasswordBody.safeParse({ temporaryPassword: 'Lin-Shi-Mi-Ma-88' }).success).toBe(true)
    expect(messages(resetStaffPasswordBody.safeParse({ temporaryPassword: '' })).temporaryPassword).toBe('请输入临时密码')
    expect(messages(createStaffBody.safeParse({ username: 'zhang.san', role: 'operator', password: 'zhang.san-2026' })).password).toBe('密码不能包含用户名')
    expect(createStaffBody.safeParse({ username: 'zhang.san', role: 'operator', password: 'Chu-Shi-Mi-Ma-1' }).success).toBe(true)
  })
})
