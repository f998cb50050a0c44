import { describe, expect, it } from 'vitest'
import { calendarDate, hasUnsafeText, isCalendarDate, safeString } from '#shared/schemas/zod'

describe('edge rules for every string', () => {
  it('NUL and lone surrogates are not text; pairs and CJK are', () => {
    expect(hasUnsafeText('张三 😀 𠀀')).toBe(false)
    expect(hasUnsafeText('a\u0000')).toBe(true)
    expect(hasUnsafeText('\uD800')).toBe(true)
    expect(hasUnsafeText('\uDC00x')).toBe(true)
    expect(hasUnsafeText('\uD83D\uDE00\uD83D')).toBe(true)
    const r = safeString().safeParse('a\u0000b')
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.message).toMatch(/无法识别的字符/)
  })

  it('calendar dates must exist and lie in 1900-2199', () => {
    expect(isCalendarDate('2026-12-01')).toBe(true)
    expect(isCalendarDate('2028-02-29')).toBe(true)
    for (const bad of ['0000-01-01', '2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '1899-12-31', '2200-01-01', '2026-1-1', '2026-12-01T00:00', ' 2026-12-01']) {
      expect(isCalendarDate(bad), bad).toBe(false)
    }
    expect(calendarDate().safeParse('0000-01-01').error?.issues[0]?.message).toMatch(/真实存在的日期/)
  })
})
