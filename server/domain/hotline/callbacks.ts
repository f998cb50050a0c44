/**
 * Rules of a promised callback, framework-free and clock-injected: at most three attempts, then a
 * closing outcome; a caller flagged unsafe is called only inside the window they chose; the SLA
 * state the queue colours by.
 */
import { DomainError } from '../errors'

/** Three tries, then the callback closes as missed (the caller can ring 12348 again). */
export const MAX_ATTEMPTS = 3
/** Within this many minutes of the window's end the callback is "due soon". */
export const DUE_SOON_MINUTES = 15

export type AttemptResult = 'no_answer' | 'busy' | 'wrong_number' | 'not_safe_to_talk' | 'completed'
export type Closing = 'done' | 'missed' | null
export type CallbackStatus = 'booked' | 'done' | 'missed' | 'cancelled'

/**
 * A callback is an appointment of channel hotline_callback; the console speaks of it in its own
 * words: completed = done (回拨并解答), no_show = missed (未接通), cancelled; anything else is open.
 */
export function callbackStatusOf(appointmentStatus: string): CallbackStatus {
  if (appointmentStatus === 'completed') return 'done'
  if (appointmentStatus === 'no_show') return 'missed'
  if (appointmentStatus === 'cancelled') return 'cancelled'
  return 'booked'
}

/** The booking model's outcome that closes a callback: done → completed (and the rating link), missed → no_show. */
export const CLOSING_OUTCOME = { done: 'completed', missed: 'no_show' } as const

export interface AttemptPlan { attemptNo: number, close: Closing }

/**
 * The number of the next attempt and whether it closes the callback: a completed call closes it as
 * done; the third failed try closes it as missed. A wrong number also closes it at once (there is no
 * one to call back).
 */
export function planAttempt(previousAttempts: number, result: AttemptResult): AttemptPlan {
  if (previousAttempts >= MAX_ATTEMPTS) throw new DomainError('ATTEMPTS_EXHAUSTED')
  const attemptNo = previousAttempts + 1
  if (result === 'completed') return { attemptNo, close: 'done' }
  if (result === 'wrong_number' || attemptNo === MAX_ATTEMPTS) return { attemptNo, close: 'missed' }
  return { attemptNo, close: null }
}

export interface WindowTimes { startsAt: Date, endsAt: Date }

/** A caller who is not safe to call at any time is called only inside the window they chose. */
export function assertMayCallNow(safeToCallBack: boolean, w: WindowTimes, now: Date): void {
  if (safeToCallBack) return
  if (now < w.startsAt || now > w.endsAt) throw new DomainError('OUTSIDE_CHOSEN_WINDOW')
}

export type SlaState = 'closed' | 'upcoming' | 'due' | 'due_soon' | 'overdue'

/** upcoming: the window has not begun; due: inside it; due_soon: its last minutes; overdue: it ended unanswered. */
export function slaState(status: string, w: WindowTimes, now: Date): SlaState {
  if (status !== 'booked') return 'closed'
  if (now < w.startsAt) return 'upcoming'
  if (now > w.endsAt) return 'overdue'
  return w.endsAt.getTime() - now.getTime() <= DUE_SOON_MINUTES * 60_000 ? 'due_soon' : 'due'
}

export const SLA_LABELS: Record<SlaState, string> = {
  closed: '已办结', upcoming: '未到时段', due: '时段内，待回拨', due_soon: '时段即将结束', overdue: '已超时',
}

export const ATTEMPT_LABELS: Record<AttemptResult, string> = {
  no_answer: '无人接听', busy: '占线', wrong_number: '号码错误', not_safe_to_talk: '对方不便通话', completed: '已回拨并解答',
}
