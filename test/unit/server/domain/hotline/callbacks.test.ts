import { describe, expect, it } from 'vitest'
import { assertMayCallNow, callbackStatusOf, CLOSING_OUTCOME, MAX_ATTEMPTS, planAttempt, slaState } from '~~/server/domain/hotline/callbacks'

const w = { startsAt: new Date('2026-12-02T01:00:00Z'), endsAt: new Date('2026-12-02T02:00:00Z') }
const t = (iso: string) => new Date(iso)

describe('callback rules', () => {
  it('three attempts at most: the third failure closes as missed, a completed call as done, a wrong number at once', () => {
    expect(MAX_ATTEMPTS).toBe(3)
    expect(planAttempt(0, 'no_answer')).toEqual({ attemptNo: 1, close: null })
    expect(planAttempt(1, 'busy')).toEqual({ attemptNo: 2, close: null })
    expect(planAttempt(2, 'no_answer')).toEqual({ attemptNo: 3, close: 'missed' })
    expect(planAttempt(2, 'completed')).toEqual({ attemptNo: 3, close: 'done' })
    expect(planAttempt(0, 'wrong_number')).toEqual({ attemptNo: 1, close: 'missed' })
    expect(() => planAttempt(3, 'completed')).toThrow(expect.objectContaining({ code: 'ATTEMPTS_EXHAUSTED' }))
  })

  it('an unsafe caller only inside the chosen window (ends inclusive); a safe caller any time', () => {
    expect(() => assertMayCallNow(false, w, t('2026-12-02T00:59:59Z'))).toThrow(expect.objectContaining({ code: 'OUTSIDE_CHOSEN_WINDOW' }))
    expect(() => assertMayCallNow(false, w, t('2026-12-02T01:00:00Z'))).not.toThrow()
    expect(() => assertMayCallNow(false, w, t('2026-12-02T02:00:00Z'))).not.toThrow()
    expect(() => assertMayCallNow(false, w, t('2026-12-02T02:00:01Z'))).toThrow(expect.objectContaining({ code: 'OUTSIDE_CHOSEN_WINDOW' }))
    expect(() => assertMayCallNow(true, w, t('2026-12-03T00:00:00Z'))).not.toThrow()
  })

  it('SLA state by window and clock', () => {
    expect(slaState('booked', w, t('2026-12-02T00:30:00Z'))).toBe('upcoming')
    expect(slaState('booked', w, t('2026-12-02T01:10:00Z'))).toBe('due')
    expect(slaState('booked', w, t('2026-12-02T01:50:00Z'))).toBe('due_soon')
    expect(slaState('booked', w, t('2026-12-02T02:00:01Z'))).toBe('overdue')
    expect(slaState('done', w, t('2026-12-02T02:00:01Z'))).toBe('closed')
  })

  it('reads the booking model\'s statuses in the console\'s words, and closes through its outcomes', () => {
    expect(['booked', 'checked_in', 'held', 'completed', 'no_show', 'cancelled'].map(callbackStatusOf)).toEqual(['booked', 'booked', 'booked', 'done', 'missed', 'cancelled'])
    expect(CLOSING_OUTCOME).toEqual({ done: 'completed', missed: 'no_show' })
  })
})
