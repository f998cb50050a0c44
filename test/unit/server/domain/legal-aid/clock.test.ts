import { describe, expect, it } from 'vitest'
import {
  addDays, daysBetween, deadlineState, dueDate, pausedDaysLeft, resumedDecisionDue, shanghaiDay, DECISION_DAYS, ASSIGN_DAYS, OBJECTION_DAYS,
} from '~~/server/domain/legal-aid/clock'

describe('statutory clocks (calendar days, Asia/Shanghai)', () => {
  it('uses the Shanghai calendar day', () => {
    expect(shanghaiDay(new Date('2026-11-28T15:59:59Z'))).toBe('2026-11-28')
    expect(shanghaiDay(new Date('2026-11-28T16:00:00Z'))).toBe('2026-11-29')
  })
  it('does not count the day of receipt: 7 days from 11-02 end on 11-09', () => {
    expect(dueDate('2026-11-02', DECISION_DAYS)).toBe('2026-11-09')
    expect(dueDate('2026-12-28', DECISION_DAYS)).toBe('2027-01-04')
    expect(dueDate('2028-02-26', ASSIGN_DAYS)).toBe('2028-02-29')
    expect(dueDate('2026-09-28', OBJECTION_DAYS)).toBe('2026-10-03') // calendar days: 国庆 is not skipped
  })
  it('counts days between and adds days across months', () => {
    expect(daysBetween('2026-11-28', '2026-12-05')).toBe(7)
    expect(daysBetween('2026-12-05', '2026-11-28')).toBe(-7)
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01')
  })
  it.each([
    ['2026-11-01', 'ok', 8],
    ['2026-11-03', 'ok', 6],
    ['2026-11-06', 'ok', 3],
    ['2026-11-07', 'due_soon', 2],
    ['2026-11-09', 'due_soon', 0],
    ['2026-11-10', 'overdue', -1],
  ])('today %s → %s', (today, level, daysLeft) => {
    expect(deadlineState('2026-11-09', today)).toEqual({ due: '2026-11-09', daysLeft, level })
  })
  it('pauses for missing materials and resumes with the days left', () => {
    // received 11-02 (due 11-09), materials requested 11-04: 5 days left
    expect(pausedDaysLeft('2026-11-09', '2026-11-04')).toBe(5)
    // supplied 11-20: the 5 days resume the next day → due 11-25
    expect(resumedDecisionDue(5, '2026-11-20')).toBe('2026-11-25')
    // requested on the last day or later: nothing left, due the day the materials arrive
    expect(pausedDaysLeft('2026-11-09', '2026-11-10')).toBe(0)
    expect(resumedDecisionDue(0, '2026-11-20')).toBe('2026-11-20')
  })
})
