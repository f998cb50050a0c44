/**
 * The one Asia/Shanghai calendar of the portal (Yinchuan keeps Beijing time: UTC+8, no daylight
 * saving since 1991). Days are 'YYYY-MM-DD' strings; instants are Dates. Nothing here reads the
 * process time zone, so the server's TZ and the browser's change nothing (and server-rendered dates
 * hydrate to the same text). Public holidays and 调休 working Saturdays/Sundays come from the State
 * Council's yearly notices as packaged by `chinese-days` (read from its data, not its date helpers,
 * which parse in the local zone); `calendarCoversYear` says whether a year's notice is in the data.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json'

const OFFSET_MS = 8 * 3600_000
const DAY_MS = 24 * 3600_000
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/

export type ShanghaiDay = string

function assertDay(day: string): void {
  if (!DAY_RE.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new RangeError(`expected YYYY-MM-DD, got ${day}`)
}

/** The Asia/Shanghai calendar day of an instant, 'YYYY-MM-DD'. */
export function shanghaiDay(at: Date | string | number = new Date()): ShanghaiDay {
  return new Date(new Date(at).getTime() + OFFSET_MS).toISOString().slice(0, 10)
}

/** The instant a day starts at the given Beijing wall-clock time ('HH:mm'). */
export function atShanghai(day: ShanghaiDay, hhmm = '00:00'): Date {
  assertDay(day)
  if (!/^\d{2}:\d{2}$/.test(hhmm)) throw new RangeError(`not a time (HH:mm): ${hhmm}`)
  return new Date(`${day}T${hhmm}:00+08:00`)
}

/** [start, end) instants of a day in Asia/Shanghai. */
export function shanghaiDayRange(day: ShanghaiDay): { start: Date, end: Date } {
  const start = atShanghai(day)
  return { start, end: new Date(start.getTime() + DAY_MS) }
}

/** The day `n` calendar days after (or before, for negative n) `day`. */
export function addDays(day: ShanghaiDay, n: number): ShanghaiDay {
  assertDay(day)
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: ShanghaiDay, to: ShanghaiDay): number {
  assertDay(from)
  assertDay(to)
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

/** ISO weekday of a day: Monday 1 … Sunday 7. */
export function isoWeekday(day: ShanghaiDay): number {
  assertDay(day)
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7
}

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

/** Whether a string is a real calendar day 'YYYY-MM-DD' (2026-02-30 is not). */
export function isCalendarDay(s: string): boolean {
  return DAY_RE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s
}

const coveredYears = new Set([...Object.keys(holidays), ...Object.keys(workdays)].map(d => Number(d.slice(0, 4))))

/** Whether the holiday data holds the State Council's notice for `year` (not yet published for 2027). */
export function calendarCoversYear(year: number): boolean {
  return coveredYears.has(year)
}

const WEEKDAYS = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'] as const
const SHORT_WEEKDAYS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const

/**
 * Formats an instant on the Beijing clock, the same text on server and browser:
 * - 'date' 2026年12月1日 · 'datetime' 2026-12-01 14:05 · 'timestamp' 2026-12-01 14:05:41 · 'time' 14:05
 * - 'day' 12月1日星期二 (a booking's day) · 'shortDay' 12/1周二 · 'shortDatetime' 12/1 14:05 (consoles)
 */
export type ShanghaiFormat = 'date' | 'datetime' | 'timestamp' | 'time' | 'day' | 'shortDay' | 'shortDatetime'

export function formatShanghai(at: Date | string | number, style: ShanghaiFormat): string {
  const t = new Date(new Date(at).getTime() + OFFSET_MS)
  if (Number.isNaN(t.getTime())) return ''
  const iso = t.toISOString()
  const [y, m, d] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()]
  const hm = iso.slice(11, 16)
  const wd = t.getUTCDay() || 7
  switch (style) {
    case 'date': return `${y}年${m}月${d}日`
    case 'datetime': return `${iso.slice(0, 10)} ${hm}`
    case 'timestamp': return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`
    case 'time': return hm
    case 'day': return `${m}月${d}日${WEEKDAYS[wd]}`
    case 'shortDay': return `${m}/${d}${SHORT_WEEKDAYS[wd]}`
    case 'shortDatetime': return `${m}/${d} ${hm}`
  }
}
