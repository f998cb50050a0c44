// Asia/Shanghai wall-clock wording for texts and calendar files, on the shared calendar (TZ-independent).
import { formatShanghai, isoWeekday, shanghaiDay } from '../../../shared/time/calendar'

const WEEK = ['', '一', '二', '三', '四', '五', '六', '日']

/** '12月3日' of an instant's Beijing day. */
function monthDay(at: Date): string {
  const [, m, d] = shanghaiDay(at).split('-').map(Number)
  return `${m}月${d}日`
}

/** '12月3日（周四） 09:00-09:30' */
export function formatSlot(startsAt: Date, endsAt: Date): string {
  return `${monthDay(startsAt)}（周${WEEK[isoWeekday(shanghaiDay(startsAt))]}） ${formatShanghai(startsAt, 'time')}-${formatShanghai(endsAt, 'time')}`
}

/** '12月3日 14:30' */
export function formatMoment(at: Date): string {
  return `${monthDay(at)} ${formatShanghai(at, 'time')}`
}
