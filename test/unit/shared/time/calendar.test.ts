import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import {
  addDays, atShanghai, calendarCoversYear, daysBetween, formatShanghai, isCalendarDay, isoWeekday, isPublicHoliday,
  isWorkingDay, nextWorkingDay, shanghaiDay, shanghaiDayRange, workingDaysFrom,
} from '#shared/time/calendar'

describe('Asia/Shanghai days', () => {
  it('an instant belongs to its Beijing calendar day', () => {
    expect(shanghaiDay(new Date('2026-11-28T15:59:59Z'))).toBe('2026-11-28')
    expect(shanghaiDay(new Date('2026-11-28T16:00:00Z'))).toBe('2026-11-29')
    expect(shanghaiDay('2026-11-28T22:00:00Z')).toBe('2026-11-29')
  })
  it('a day is [start, end) in Beijing time', () => {
    const r = shanghaiDayRange('2026-11-30')
    expect(r.start.toISOString()).toBe('2026-11-29T16:00:00.000Z')
    expect(r.end.toISOString()).toBe('2026-11-30T16:00:00.000Z')
    expect(atShanghai('2026-11-30', '09:30').toISOString()).toBe('2026-11-30T01:30:00.000Z')
  })
  it('day arithmetic over month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(daysBetween('2026-11-02', '2026-11-09')).toBe(7)
    expect(isoWeekday('2026-11-30')).toBe(1)
    expect(isoWeekday('2026-11-29')).toBe(7)
  })
  it('refuses what is not a day', () => {
    expect(() => addDays('2026-1-1', 1)).toThrow(RangeError)
    expect(() => atShanghai('2026-11-30', '9:30')).toThrow(RangeError)
    expect(isCalendarDay('2026-02-28')).toBe(true)
    expect(isCalendarDay('2026-02-30')).toBe(false)
  })
})

describe('2026 holidays and 调休 (State Council notice, via chinese-days)', () => {
  it('knows the holidays', () => {
    expect(isPublicHoliday('2026-01-01')).toBe(true)
    expect(isWorkingDay('2026-01-01')).toBe(false) // a Thursday
    expect(isPublicHoliday('2026-02-17')).toBe(true) // 春节
    expect(isWorkingDay('2026-02-17')).toBe(false)
    expect(isPublicHoliday('2026-11-30')).toBe(false)
  })
  it('counts 调休 Saturdays as working days and ordinary weekends as rest days', () => {
    expect(isoWeekday('2026-02-14')).toBe(6)
    expect(isWorkingDay('2026-02-14')).toBe(true)
    expect(isoWeekday('2026-10-10')).toBe(6)
    expect(isWorkingDay('2026-10-10')).toBe(true)
    expect(isWorkingDay('2026-11-28')).toBe(false)
    expect(isWorkingDay('2026-11-30')).toBe(true)
  })
  it('finds the next working day across the Spring Festival', () => {
    expect(nextWorkingDay('2026-02-13')).toBe('2026-02-14')
    expect(nextWorkingDay('2026-02-14')).toBe('2026-02-24')
    expect(workingDaysFrom('2026-11-28', 3)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02'])
    expect(workingDaysFrom('2026-11-30', 2)).toEqual(['2026-11-30', '2026-12-01'])
  })
  it('says which years the data covers', () => {
    expect(calendarCoversYear(2026)).toBe(true)
    expect(calendarCoversYear(2099)).toBe(false)
  })
})

describe('formatting on the Beijing clock', () => {
  const at = '2026-12-01T06:05:41Z' // 14:05:41 in Beijing, a Tuesday
  it('has one text per style', () => {
    expect(formatShanghai(at, 'date')).toBe('2026年12月1日')
    expect(formatShanghai(at, 'datetime')).toBe('2026-12-01 14:05')
    expect(formatShanghai(at, 'timestamp')).toBe('2026-12-01 14:05:41')
    expect(formatShanghai(at, 'time')).toBe('14:05')
    expect(formatShanghai(at, 'day')).toBe('12月1日星期二')
    expect(formatShanghai(at, 'shortDay')).toBe('12/1周二')
    expect(formatShanghai(at, 'shortDatetime')).toBe('12/1 14:05')
    expect(formatShanghai('2026-12-31T16:30:00Z', 'date')).toBe('2027年1月1日')
  })
})

describe('independent of the process time zone', () => {
  // A child process with another TZ computes the same days, holidays and text.
  const probe = `
    import('${new URL('../../../../shared/time/calendar.ts', import.meta.url).pathname}').then(c => {
      console.log(JSON.stringify([
        c.shanghaiDay(new Date('2026-11-28T16:00:00Z')), c.shanghaiDayRange('2026-02-14').start.toISOString(),
        c.isWorkingDay('2026-02-14'), c.isPublicHoliday('2026-01-01'), c.nextWorkingDay('2026-02-14'),
        c.formatShanghai('2026-12-01T06:05:41Z', 'day'), c.formatShanghai('2026-12-01T06:05:41Z', 'datetime'),
      ]))
    })`
  for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai']) {
    it(`TZ=${tz}`, () => {
      const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', probe], { env: { ...process.env, TZ: tz }, encoding: 'utf8' })
      expect(JSON.parse(out)).toEqual(['2026-11-29', '2026-02-13T16:00:00.000Z', true, true, '2026-02-24', '12月1日星期二', '2026-12-01 14:05'])
    })
  }
})
