import { describe, expect, it } from 'vitest'
import { extraConflict, rulesConflict } from '~~/server/domain/appointments/schedule'

const rule = (over: Partial<Parameters<typeof rulesConflict>[0]> = {}) => ({
  weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '12:00', slotMinutes: 30, capacity: 2, validFrom: null, validTo: null, ...over,
})
const extra = (day: string, startTime = '09:00', endTime = '11:00') => ({ day, startTime, endTime, slotMinutes: 30, capacity: 2 })

describe('schedule conflicts: an admin edit that would open the same hours twice', () => {
  it('two weekly rules conflict when they share a weekday, a minute and a day of validity', () => {
    expect(rulesConflict(rule(), rule({ weekdays: [5], startTime: '11:30', endTime: '13:00' }))).toBe(true)
    expect(rulesConflict(rule(), rule({ startTime: '14:00', endTime: '17:00' }))).toBe(false) // afternoon
    expect(rulesConflict(rule(), rule({ startTime: '12:00', endTime: '13:00' }))).toBe(false) // touching, not overlapping
    expect(rulesConflict(rule(), rule({ weekdays: [6, 7] }))).toBe(false) // weekend
    expect(rulesConflict(rule({ validTo: '2026-12-31' }), rule({ validFrom: '2027-01-01' }))).toBe(false) // winter / new year hours
    expect(rulesConflict(rule({ validTo: '2027-01-01' }), rule({ validFrom: '2027-01-01' }))).toBe(true)
  })

  it('an extra session conflicts with a rule slot starting at the same moment, or another extra session; holidays have no rule slots', () => {
    const rules = [rule()]
    expect(extraConflict(extra('2026-12-01'), rules, [])).toBe('rule') // a Tuesday morning: 09:00 twice
    expect(extraConflict({ ...extra('2026-12-01', '09:15', '10:15'), slotMinutes: 60 }, rules, [])).toBeNull() // beside the grid: more places
    expect(extraConflict(extra('2026-12-01', '14:00', '16:00'), rules, [])).toBeNull()
    expect(extraConflict(extra('2026-12-05'), rules, [])).toBeNull() // an ordinary Saturday
    expect(extraConflict(extra('2026-10-10'), rules, [])).toBe('rule') // 调休 Saturday: Monday's rules apply
    expect(extraConflict(extra('2026-10-01'), rules, [])).toBeNull() // 国庆: no rule hours
    expect(extraConflict(extra('2026-12-05'), rules, [extra('2026-12-05', '10:00', '12:00')])).toBe('extra')
    expect(extraConflict(extra('2026-12-05'), rules, [extra('2026-12-06')])).toBeNull()
    expect(extraConflict(extra('2026-12-01'), [rule({ validFrom: '2027-01-01' })], [])).toBeNull()
  })
})
