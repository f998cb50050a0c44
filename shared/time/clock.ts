/**
 * The Asia/Shanghai clock without the holiday data: days, instants and formatting (see ./calendar,
 * which re-exports all of this and adds public holidays and 调休). Browser pages that only show
 * times import this file, so `chinese-days`' data is not loaded with them.
 */
const OFFSET_MS = 8 * 3600_000
const DAY_MS = 24 * 3600_000
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/

export type ShanghaiDay = string

export function assertDay(day: string): void {
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

/** Whether a string is a real calendar day 'YYYY-MM-DD' (2026-02-30 is not). */
export function isCalendarDay(s: string): boolean {
  return DAY_RE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s
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
