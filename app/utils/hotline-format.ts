// Times of the hotline console, always on the Yinchuan (Asia/Shanghai) clock (shared/time/calendar).
import { formatShanghai, shanghaiDay } from '~~/shared/time/calendar'

export function hotlineWindowLabel(startsAt: string, endsAt: string): string {
  return `${formatShanghai(startsAt, 'shortDay')} ${formatShanghai(startsAt, 'time')}-${formatShanghai(endsAt, 'time')}`
}

export function hotlineTime(at: string): string {
  return formatShanghai(at, 'shortDatetime')
}

/** YYYY-MM-DD of an instant in Asia/Shanghai. */
export const hotlineDay = (at: Date | string): string => shanghaiDay(at)
