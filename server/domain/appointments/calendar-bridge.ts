/**
 * The shared Asia/Shanghai calendar (shared/time/calendar.ts, chinese-days data, TZ-independent)
 * plus the two facts schedules need beyond it: whether a weekend day is a 调休 make-up working day,
 * and the holiday's name for the staff day view.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json'
import { isoWeekday, isWorkingDay } from '../../../shared/time/calendar'

export {
  addDays, atShanghai, calendarCoversYear, isoWeekday, isPublicHoliday, isWorkingDay, shanghaiDay, shanghaiDayRange,
} from '../../../shared/time/calendar'

/** A Saturday or Sunday declared a working day (调休 上班). */
export function isMakeupWorkday(day: string): boolean {
  return isoWeekday(day) >= 6 && isWorkingDay(day)
}

/** The holiday's name for a public holiday or make-up day (e.g. '春节'), else undefined. */
export function holidayName(day: string): string | undefined {
  const raw = (chineseDays.holidays as Record<string, string>)[day] ?? (chineseDays.workdays as Record<string, string>)[day]
  return raw?.split(',')[1]
}
