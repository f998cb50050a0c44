import { describe, expect, it } from 'vitest'
import { loggablePath, maskDigits, safeError } from '~~/server/adapters/logger'

describe('what the logger keeps of an error', () => {
  it('keeps class, PostgreSQL code and constraint of a database error, never its message or parameters', () => {
    const pg = Object.assign(new Error('duplicate key value violates unique constraint "staff_users_username_key" Key (username)=(wangfang88) already exists'), { code: '23505', constraint: 'staff_users_username_key', detail: 'Key (username)=(wangfang88)' })
    class DrizzleQueryError extends Error {}
    const e = Object.assign(new DrizzleQueryError('Failed query: insert into "staff_users" ("username") values ($1)\nparams: wangfang88,张秀英,13912345678'), { cause: pg })
    const s = safeError(e)
    expect(s).toMatchObject({ type: 'DrizzleQueryError', code: '23505', constraint: 'staff_users_username_key' })
    const text = JSON.stringify(s)
    for (const v of ['wangfang88', '张秀英', '13912345678', 'params', 'Failed query']) expect(text).not.toContain(v)
  })

  it('drops the message of other errors (it may quote input) but keeps stack frames', () => {
    const s = safeError(new SyntaxError('Unexpected token in JSON at position 3: "张秀英 13912345678"'))
    expect(s.type).toBe('SyntaxError')
    expect(s.message).toBeUndefined()
    expect(s.stack?.[0]).toMatch(/^at /)
    expect(JSON.stringify(s)).not.toContain('张秀英')
  })

  it('keeps the operator-facing message of a configuration error', () => {
    class ConfigError extends Error {}
    expect(safeError(new ConfigError('配置错误：NUXT_CRYPTO_KEY')).message).toBe('配置错误：NUXT_CRYPTO_KEY')
  })
})

describe('free text and paths', () => {
  it('masks phone and ID numbers, leaves dates and ports', () => {
    expect(maskDigits('call 13912345678 or 0951-5012345, id 64010419800101123X')).toBe('call [digits] or [digits], id [digits]')
    expect(maskDigits('2026-12-01 on 127.0.0.1:43123')).toBe('2026-12-01 on 127.0.0.1:43123')
  })

  it('logs paths without query and without segments that could be personal', () => {
    expect(loggablePath('/api/search?q=13912345678')).toBe('/api/search')
    expect(loggablePath('/api/cases/%E5%BC%A0')).toBe('/api/cases/:x')
    expect(loggablePath('/api/cases/张三')).toBe('/api/cases/:x')
    expect(loggablePath('/api/staff/x/13912345678')).toBe('/api/staff/x/:x')
    expect(loggablePath('/api/staff/cases/labor-wage-arrears')).toBe('/api/staff/cases/labor-wage-arrears')
  })
})
