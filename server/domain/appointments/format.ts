// Asia/Shanghai wall-clock formatting for texts, calendar files and logs-free messages (TZ-independent).
const OFFSET = 8 * 3600_000
const WEEK = ['日', '一', '二', '三', '四', '五', '六']

function parts(d: Date) {
  const s = new Date(d.getTime() + OFFSET)
  return { y: s.getUTCFullYear(), m: s.getUTCMonth() + 1, d: s.getUTCDate(), w: WEEK[s.getUTCDay()]!, hm: s.toISOString().slice(11, 16) }
}

/** '12月3日（周四） 09:00-09:30' */
export function formatSlot(startsAt: Date, endsAt: Date): string {
  const a = parts(startsAt)
  const b = parts(endsAt)
  return `${a.m}月${a.d}日（周${a.w}） ${a.hm}-${b.hm}`
}

/** '12月3日 14:30' */
export function formatMoment(at: Date): string {
  const a = parts(at)
  return `${a.m}月${a.d}日 ${a.hm}`
}
