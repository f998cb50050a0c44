/**
 * The statutory clocks of the Legal Aid Law, in CALENDAR days on the Asia/Shanghai calendar.
 *
 * Counting (decided and documented here, see docs/legal-aid.md):
 * - The day of the event is not counted (民法典第二百零一条: 期间开始的当日不计入); a 7-day period for
 *   an application received on 2026-11-02 ends at the end of 2026-11-09. The due date stored is
 *   that last day, inclusive.
 * - Days are calendar days (DOMAIN.md: the law says 日, not 工作日). The CENTRE's own clocks
 *   (decision, assignment, objection) are not extended past a holiday: the portal warns on the
 *   earlier day, which can only favour the applicant.
 * - Missing materials (第四十三条第二款) PAUSE the 7-day decision clock: the days left when the
 *   one-time request is sent are kept and resume on the day after the applicant supplies the
 *   materials. The applicant has MATERIALS_DAYS to supply them: the CENTRE'S OWN RULE (the law
 *   sets no number of days); after that the application counts as withdrawn (视为撤回申请).
 *   Because this is a period the APPLICANT must meet, its last day moves past a 法定休假日
 *   (民法典第二百零三条: weekends and public holidays; 调休 working Saturdays count as working days).
 */
import { addDays, daysBetween, isWorkingDay, nextWorkingDay } from '../../../shared/time/calendar'

// The calendar arithmetic is the platform's one Asia/Shanghai calendar.
export { addDays, daysBetween, shanghaiDay } from '../../../shared/time/calendar'

export const DECISION_DAYS = 7 // 第四十三条第一款
export const ASSIGN_DAYS = 3 // 第四十三条第一款
export const OBJECTION_DAYS = 5 // 第四十九条第二款
/** The centre's own rule (not 第四十三条第二款, which sets no days): days to supply requested materials. */
export const MATERIALS_DAYS = 15
/** Warn when this many days or fewer are left. */
export const DUE_SOON_DAYS = 2

export type Clock = () => Date

/** Last day (inclusive) of a period of `days` starting the day after `eventDay`. */
export function dueDate(eventDay: string, days: number): string {
  return addDays(eventDay, days)
}

export type DeadlineLevel = 'ok' | 'due_soon' | 'overdue'

export interface DeadlineState {
  due: string
  /** Days left after today; 0 = today is the last day; negative = overdue by that many days. */
  daysLeft: number
  level: DeadlineLevel
}

export function deadlineState(due: string, today: string): DeadlineState {
  const daysLeft = daysBetween(today, due)
  return { due, daysLeft, level: daysLeft < 0 ? 'overdue' : daysLeft <= DUE_SOON_DAYS ? 'due_soon' : 'ok' }
}

export const deadlineLevelLabels: Record<DeadlineLevel, string> = { ok: '期限内', due_soon: '即将到期', overdue: '已超期' }

/**
 * Last day for the applicant's materials: MATERIALS_DAYS after the request, moved to the next
 * working day when it falls on a 法定休假日 (民法典第二百零三条第一款).
 */
export function materialsDueDate(requestDay: string): string {
  const due = addDays(requestDay, MATERIALS_DAYS)
  return isWorkingDay(due) ? due : nextWorkingDay(due)
}

/** Days of the decision clock left when it is paused on `today` (never below 0). */
export function pausedDaysLeft(decisionDue: string, today: string): number {
  return Math.max(0, daysBetween(today, decisionDue))
}

/**
 * New decision due date when materials arrive on `today`: the days left resume the day after.
 * With 0 days left, the decision is due the day the materials arrive.
 */
export function resumedDecisionDue(daysLeft: number, today: string): string {
  return addDays(today, daysLeft)
}
