import { describe, expect, it } from 'vitest'
import { planSlots, ruleWeekday, uncoveredYears } from '~~/server/domain/appointments/schedule'
import { calendarCoversYear, isPublicHoliday, isWorkingDay, shanghaiDay } from '#shared/time/calendar'

const weekdays = { weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '12:00', slotMinutes: 60, capacity: 3, validFrom: null, validTo: null }
const plan = (from: string, to: string, extra: Partial<Parameters<typeof planSlots>[0]> = {}) =>
  planSlots({ rules: [weekdays], closures: [], extras: [], ...extra }, from, to)
const iso = (d: Date) => d.toISOString()

describe('slots from schedules (Asia/Shanghai, chinese-days)', () => {
  it('an ordinary working day has its slots at Shanghai wall-clock times, stored as instants', () => {
    const s = plan('2026-12-01', '2026-12-01')
    expect(s.map(x => iso(x.startsAt))).toEqual(['2026-12-01T01:00:00.000Z', '2026-12-01T02:00:00.000Z', '2026-12-01T03:00:00.000Z'])
    expect(s.every(x => x.capacity === 3 && x.endsAt.getTime() - x.startsAt.getTime() === 3600_000)).toBe(true)
  })
  it('a public holiday has no slots (元旦 2026-01-01, 春节 2026-02-17, 国庆 2026-10-01)', () => {
    for (const d of ['2026-01-01', '2026-02-17', '2026-10-01']) {
      expect(isPublicHoliday(d)).toBe(true)
      expect(plan(d, d)).toEqual([])
    }
  })
  it('a 调休 Saturday is a working day and follows the Monday rules (2026-02-14, 2026-10-10)', () => {
    for (const d of ['2026-02-14', '2026-10-10']) {
      expect(isWorkingDay(d)).toBe(true)
      expect(ruleWeekday(d)).toBe(1)
      expect(plan(d, d)).toHaveLength(3)
    }
    // an ordinary Saturday has no weekday slots
    expect(plan('2026-12-05', '2026-12-05')).toEqual([])
  })
  it('a closure removes the day; an extra session adds slots even on a holiday; validity bounds apply', () => {
    expect(plan('2026-12-01', '2026-12-02', { closures: [{ servicePointId: null, channel: null, day: '2026-12-01' }] })).toHaveLength(3)
    const extra = plan('2026-10-01', '2026-10-01', { extras: [{ day: '2026-10-01', startTime: '10:00', endTime: '11:00', slotMinutes: 30, capacity: 1 }] })
    expect(extra.map(x => iso(x.startsAt))).toEqual(['2026-10-01T02:00:00.000Z', '2026-10-01T02:30:00.000Z'])
    expect(planSlots({ rules: [{ ...weekdays, validFrom: '2026-12-02', validTo: '2026-12-02' }], closures: [], extras: [] }, '2026-12-01', '2026-12-03')).toHaveLength(3)
  })
  it('a slot never runs past the end of the session; overlapping rules do not duplicate a start', () => {
    const s = planSlots({ rules: [{ ...weekdays, endTime: '11:30' }, { ...weekdays, capacity: 9 }], closures: [], extras: [] }, '2026-12-01', '2026-12-01')
    expect(s).toHaveLength(3)
    expect(s[0]!.capacity).toBe(3)
  })
  it('warns when the horizon reaches a year chinese-days does not cover (2027 has no schedule yet)', () => {
    expect(calendarCoversYear(2026)).toBe(true)
    expect(calendarCoversYear(2027)).toBe(false)
    expect(uncoveredYears('2026-12-01', 42)).toEqual([2027])
    expect(uncoveredYears('2026-06-01', 42)).toEqual([])
  })
  it('the server TZ changes nothing: the same instants under any TZ', () => {
    // Run in this process whatever TZ is set; the test file is also run with TZ=America/Los_Angeles (see below).
    expect(shanghaiDay(new Date('2026-02-13T16:30:00Z'))).toBe('2026-02-14')
    expect(iso(plan('2026-02-14', '2026-02-14')[0]!.startsAt)).toBe('2026-02-14T01:00:00.000Z')
  })
})
