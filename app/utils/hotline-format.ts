// Times of the hotline console, always on the Yinchuan (Asia/Shanghai) clock.
const dayFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', weekday: 'short' })
const timeFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false })
const dateTimeFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false })

export function hotlineWindowLabel(startsAt: string, endsAt: string): string {
  return `${dayFmt.format(new Date(startsAt))} ${timeFmt.format(new Date(startsAt))}-${timeFmt.format(new Date(endsAt))}`
}

export function hotlineTime(at: string): string {
  return dateTimeFmt.format(new Date(at))
}

/** YYYY-MM-DD of an instant in Asia/Shanghai. */
export function hotlineDay(at: Date | string): string {
  return new Date(new Date(at).getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}
