/**
 * Slots from schedules, framework-free: weekly rules, closures and one-off extra sessions become
 * concrete slots (Asia/Shanghai wall-clock, stored as instants). Public holidays and 调休 come from
 * the shared calendar (chinese-days):
 *   - a statutory public holiday has no slots from weekly rules (extra sessions still count: an admin
 *     added them on purpose);
 *   - a 调休 make-up working day (a Saturday or Sunday declared a working day) follows the Monday rules;
 *   - a closure removes a point's (or every point's) slots of one channel (or all) on a day.
 */
import { addDays, atShanghai, calendarCoversYear, isMakeupWorkday, isoWeekday, isPublicHoliday } from '../../../shared/time/calendar'

export interface RuleLike {
  weekdays: number[], startTime: string, endTime: string, slotMinutes: number, capacity: number,
  validFrom: string | null, validTo: string | null
}
export interface ClosureLike { servicePointId: string | null, channel: string | null, day: string }
export interface ExtraLike { day: string, startTime: string, endTime: string, slotMinutes: number, capacity: number }
export interface PlannedSlot { startsAt: Date, endsAt: Date, capacity: number }

const MIN = 60_000

/** The ISO weekday whose rules apply on a day, or null when weekly rules are off (public holiday). */
export function ruleWeekday(day: string): number | null {
  if (isPublicHoliday(day)) return null
  if (isMakeupWorkday(day)) return 1
  return isoWeekday(day)
}

function session(day: string, start: string, end: string, minutes: number, capacity: number): PlannedSlot[] {
  const out: PlannedSlot[] = []
  const endAt = atShanghai(day, end).getTime()
  for (let t = atShanghai(day, start).getTime(); t + minutes * MIN <= endAt; t += minutes * MIN) {
    out.push({ startsAt: new Date(t), endsAt: new Date(t + minutes * MIN), capacity })
  }
  return out
}

/** The slots of one (point, channel) on the days fromDay..toDay (inclusive), earliest first, no duplicate starts. */
export function planSlots(input: { rules: readonly RuleLike[], closures: readonly ClosureLike[], extras: readonly ExtraLike[] }, fromDay: string, toDay: string): PlannedSlot[] {
  const byStart = new Map<number, PlannedSlot>()
  const closed = new Set(input.closures.map(c => c.day))
  for (let day = fromDay; day <= toDay; day = addDays(day, 1)) {
    if (closed.has(day)) continue
    const wd = ruleWeekday(day)
    const planned: PlannedSlot[] = []
    if (wd !== null) {
      for (const r of input.rules) {
        if (!r.weekdays.includes(wd)) continue
        if ((r.validFrom && day < r.validFrom) || (r.validTo && day > r.validTo)) continue
        planned.push(...session(day, r.startTime, r.endTime, r.slotMinutes, r.capacity))
      }
    }
    for (const e of input.extras) if (e.day === day) planned.push(...session(day, e.startTime, e.endTime, e.slotMinutes, e.capacity))
    for (const p of planned) if (!byStart.has(p.startsAt.getTime())) byStart.set(p.startsAt.getTime(), p)
  }
  return [...byStart.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
}

/** How far ahead people can book (days, from today in Asia/Shanghai). */
export const BOOKING_HORIZON_DAYS = 42

/** Years the horizon reaches that chinese-days has no holiday schedule for (admins must add closures). */
export function uncoveredYears(fromDay: string, horizonDays = BOOKING_HORIZON_DAYS): number[] {
  const first = Number(fromDay.slice(0, 4))
  const last = Number(addDays(fromDay, horizonDays).slice(0, 4))
  const out: number[] = []
  for (let y = first; y <= last; y++) if (!calendarCoversYear(y)) out.push(y)
  return out
}

// --- conflicts between an admin's edit and the schedule already there (409, never silently merged) ---

const FOREVER_FROM = '0000-01-01'
const FOREVER_TO = '9999-12-31'
/** Two [start, end) times of day ('HH:mm' compares as text) share a minute. */
const timesOverlap = (a: { startTime: string, endTime: string }, b: { startTime: string, endTime: string }) =>
  a.startTime < b.endTime && b.startTime < a.endTime

/** Two weekly rules of the same point and channel would open the same hours on some day. */
export function rulesConflict(a: RuleLike, b: RuleLike): boolean {
  if (!a.weekdays.some(d => b.weekdays.includes(d))) return false
  if (!timesOverlap(a, b)) return false
  return (a.validFrom ?? FOREVER_FROM) <= (b.validTo ?? FOREVER_TO) && (b.validFrom ?? FOREVER_FROM) <= (a.validTo ?? FOREVER_TO)
}

/**
 * What an extra session would collide with on its day: a slot of the weekly rules starting at the
 * same moment as one of its own (that slot would silently win and the extra one vanish; public
 * holidays have no rule slots, 调休 days follow Monday), or another extra session whose hours it
 * overlaps. Sessions beside the rule grid (e.g. 09:15 beside 09:00/10:00) add places and are fine.
 */
export function extraConflict(e: ExtraLike, rules: readonly RuleLike[], extras: readonly ExtraLike[]): 'rule' | 'extra' | null {
  if (extras.some(x => x.day === e.day && timesOverlap(x, e))) return 'extra'
  const ruleStarts = new Set(planSlots({ rules, closures: [], extras: [] }, e.day, e.day).map(p => p.startsAt.getTime()))
  if (session(e.day, e.startTime, e.endTime, e.slotMinutes, e.capacity).some(p => ruleStarts.has(p.startsAt.getTime()))) return 'rule'
  return null
}
