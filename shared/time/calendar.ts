/**
 * The one Asia/Shanghai calendar of the portal (Yinchuan keeps Beijing time: UTC+8, no daylight
 * saving since 1991). Days are 'YYYY-MM-DD' strings; instants are Dates. Nothing here reads the
 * process time zone, so the server's TZ and the browser's change nothing (and server-rendered dates
 * hydrate to the same text). Public holidays and 调休 working Saturdays/Sundays come from the State
 * Council's yearly notices as packaged by `chinese-days` (read from its data, not its date helpers,
 * which parse in the local zone); `calendarCoversYear` says whether a year's notice is in the data.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json'
import { addDays, assertDay, isoWeekday, type ShanghaiDay } from './clock'

export * from './clock'

const holidays: Record<string, string> = chineseDays.holidays
const workdays: Record<string, string> = chineseDays.workdays

/** A statutory public holiday (法定节假日, including the days joined to it), per the State Council's notice. */
export function isPublicHoliday(day: ShanghaiDay): boolean {
  assertDay(day)
  return Object.hasOwn(holidays, day)
}

/** A working day: Monday–Friday that is not a holiday, or a weekend day made a working day (调休). */
export function isWorkingDay(day: ShanghaiDay): boolean {
  assertDay(day)
  if (Object.hasOwn(workdays, day)) return true
  if (Object.hasOwn(holidays, day)) return false
  return isoWeekday(day) <= 5
}

/** A Saturday or Sunday declared a working day (调休 上班): it keeps the Monday–Friday hours. */
export function isMakeupWorkday(day: ShanghaiDay): boolean {
  return isoWeekday(day) >= 6 && isWorkingDay(day)
}

/** The holiday's name for a public holiday or make-up working day (e.g. '春节'), else undefined. */
export function holidayName(day: ShanghaiDay): string | undefined {
  return (holidays[day] ?? workdays[day])?.split(',')[1]
}

/** The first working day strictly after `day`. */
export function nextWorkingDay(day: ShanghaiDay): ShanghaiDay {
  let d = addDays(day, 1)
  while (!isWorkingDay(d)) d = addDays(d, 1)
  return d
}

/** `count` working days from `day` on (`day` itself included when it is one). */
export function workingDaysFrom(day: ShanghaiDay, count: number): ShanghaiDay[] {
  const out: ShanghaiDay[] = []
  for (let d = day; out.length < count; d = addDays(d, 1)) if (isWorkingDay(d)) out.push(d)
  return out
}

const coveredYears = new Set([...Object.keys(holidays), ...Object.keys(workdays)].map(d => Number(d.slice(0, 4))))

/** Whether the holiday data holds the State Council's notice for `year` (not yet published for 2027). */
export function calendarCoversYear(year: number): boolean {
  return coveredYears.has(year)
}

