import { describe, expect, it } from 'vitest'
import { openingHoursProblem, openingHoursText, parseOpeningHoursText } from '#shared/domain/appointments/service-point-details'
import { openingHoursLines } from '#shared/domain/appointments/service-points'

describe('opening hours as the admin form edits them', () => {
  it('the stored hours become one line per group of days, and back again unchanged', () => {
    const hours = { 周一至周五: '09:00-12:00, 13:30-17:30', 周六: '09:00-12:00（法律援助值班）' }
    const text = openingHoursText(hours)
    expect(text).toBe('周一至周五 09:00-12:00, 13:30-17:30\n周六 09:00-12:00（法律援助值班）')
    expect(openingHoursProblem(text)).toBeUndefined()
    expect(parseOpeningHoursText(text)).toEqual(hours)
    expect(Object.keys(parseOpeningHoursText(text))).toEqual(['周一至周五', '周六'])
  })

  it('blank lines, CRLF and surrounding spaces are ignored; the hours keep their inner spaces', () => {
    expect(parseOpeningHoursText('\r\n  周二、周四   09:00-11:30 ,  14:00-16:00 \r\n\r\n')).toEqual({ '周二、周四': '09:00-11:30 ,  14:00-16:00' })
  })

  it('names what is wrong, with the line number', () => {
    expect(openingHoursProblem('')).toMatch(/请填写开放时间/)
    expect(openingHoursProblem('  \n ')).toMatch(/请填写开放时间/)
    expect(openingHoursProblem('周一至周五09:00-12:00')).toMatch(/第 1 行请写成“星期 时间”/)
    expect(openingHoursProblem('周一 09:00-12:00\n周一 14:00-17:00')).toMatch(/第 2 行的“周一”重复/)
    expect(openingHoursProblem(Array.from({ length: 8 }, (_, i) => `第${i}天 09:00-10:00`).join('\n'))).toMatch(/最多 7 行/)
    expect(openingHoursProblem(`周一 ${'9'.repeat(80)}`)).toMatch(/第 1 行太长/)
  })
})

describe('opening hours in week order', () => {
  it('whatever order the database returns the keys in (jsonb: shortest first)', () => {
    expect(openingHoursText({ 周六: '09:00-12:00', 周一至周五: '09:00-17:00', 节假日: '休息' })).toBe('周一至周五 09:00-17:00\n周六 09:00-12:00\n节假日 休息')
    expect(openingHoursLines({ 周日: '10:00-11:00', '周二、周四': '09:00-11:30' })).toEqual(['周二、周四 09:00–11:30', '周日 10:00–11:00'])
  })
})
