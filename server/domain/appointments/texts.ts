/**
 * Texts to residents (SMS through the notification outbox). Plain, short, Chinese, with 12348 as the
 * way out. No text ever names the matter; for 家庭暴力 bookings the sender line and the place are
 * left out as well, so that a text seen by someone else gives nothing away.
 */
import { formatMoment, formatSlot } from './format'

export const SENSITIVE_TOPICS: ReadonlySet<string> = new Set(['家庭暴力'])

export interface TextInput {
  topic: string
  channel: 'walk_in' | 'online' | 'hotline_callback'
  startsAt: Date
  endsAt: Date
  reference: string
  placeName: string | null
  link: string | null
}

const CHANNEL_WORD = { walk_in: '到窗口咨询', online: '网上咨询', hotline_callback: '12348 回电' } as const

function head(t: TextInput): string {
  return SENSITIVE_TOPICS.has(t.topic) ? '【预约提醒】' : '【银川公共法律服务】'
}
function what(t: TextInput): string {
  if (SENSITIVE_TOPICS.has(t.topic)) return `您的预约：${formatSlot(t.startsAt, t.endsAt)}`
  const where = t.channel === 'walk_in' && t.placeName ? `，${t.placeName}` : ''
  return `您的${CHANNEL_WORD[t.channel]}预约：${formatSlot(t.startsAt, t.endsAt)}${where}`
}
const linkPart = (t: TextInput, verb: string) => t.link ? `${verb}：${t.link}。` : ''

export const texts = {
  confirmation: (t: TextInput) => `${head(t)}${what(t)}，编号 ${t.reference}。${linkPart(t, '查看、改期或取消')}有疑问请拨打 12348。`,
  reschedule: (t: TextInput) => `${head(t)}已改期。${what(t)}，编号 ${t.reference}。${linkPart(t, '查看或取消')}有疑问请拨打 12348。`,
  cancellation: (t: TextInput) => `${head(t)}编号 ${t.reference} 的预约已取消。需要时可重新预约或拨打 12348。`,
  reminder: (t: TextInput) => `${head(t)}明天有预约。${what(t)}，编号 ${t.reference}。${linkPart(t, '不能前来请改期或取消')}有疑问请拨打 12348。`,
  waitlistOffer: (t: TextInput, until: Date) => `${head(t)}候补到名额：${formatSlot(t.startsAt, t.endsAt)}。请在 ${formatMoment(until)} 前确认，逾期让给下一位。${linkPart(t, '确认或放弃')}`,
  ratingRequest: (t: TextInput) => `${head(t)}感谢您使用本次服务（编号 ${t.reference}）。欢迎为服务打分：${t.link ?? ''}`,
}
