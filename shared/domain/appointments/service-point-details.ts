/**
 * A service point's details as admins edit them in the staff console (issue 9): address, phone,
 * opening hours, accessibility notes, active. Pure: the form, the route's schema and the service
 * share these rules.
 */
import { openingHoursEntries } from './service-points'

/** The details an admin edits; each seeded demo value (示例) stays marked until an admin edits that field. */
export const SERVICE_POINT_EDITABLE_FIELDS = ['address', 'phone', 'openingHours', 'accessibility'] as const
export type ServicePointEditableField = typeof SERVICE_POINT_EDITABLE_FIELDS[number]

export const SERVICE_POINT_FIELD_LABELS: Record<ServicePointEditableField, string> = {
  address: '地址', phone: '电话', openingHours: '开放时间', accessibility: '无障碍',
}

/** At most this many lines of opening hours (one per group of days). */
export const OPENING_HOURS_MAX_LINES = 7
export const OPENING_HOURS_LINE_MAX = 60

/** The stored hours ({ "周一至周五": "09:00-12:00, 13:30-17:30" }) as the form's text, one line per entry. */
export function openingHoursText(hours: Readonly<Record<string, string>>): string {
  return openingHoursEntries(hours).map(([days, h]) => `${days} ${h}`.trim()).join('\n')
}

/** The lines of the form's text that hold something, trimmed. */
export function openingHoursLinesOf(text: string): string[] {
  return text.split(/\r?\n/).map(l => l.trim()).filter(Boolean)
}

/**
 * Why a line of opening hours cannot be read, or undefined when it can: each line is the days,
 * a space, then the hours ("周一至周五 09:00-12:00, 13:30-17:30"), and no days twice.
 */
export function openingHoursProblem(text: string): string | undefined {
  const lines = openingHoursLinesOf(text)
  if (!lines.length) return '请填写开放时间，例如：周一至周五 09:00-12:00, 13:30-17:30'
  if (lines.length > OPENING_HOURS_MAX_LINES) return `开放时间最多 ${OPENING_HOURS_MAX_LINES} 行`
  const seen = new Set<string>()
  for (const [i, line] of lines.entries()) {
    if (line.length > OPENING_HOURS_LINE_MAX) return `开放时间第 ${i + 1} 行太长（最多 ${OPENING_HOURS_LINE_MAX} 个字）`
    const m = /^(\S+)\s+(\S.*)$/.exec(line)
    if (!m) return `开放时间第 ${i + 1} 行请写成“星期 时间”，中间空一格，例如：周一至周五 09:00-12:00`
    if (seen.has(m[1]!)) return `开放时间第 ${i + 1} 行的“${m[1]}”重复了，请合并成一行`
    seen.add(m[1]!)
  }
  return undefined
}

/** The form's text as stored: { days: hours } (check openingHoursProblem first; shown in week order, see openingHoursEntries). */
export function parseOpeningHoursText(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of openingHoursLinesOf(text)) {
    const m = /^(\S+)\s+(\S.*)$/.exec(line)
    if (m) out[m[1]!] = m[2]!.trim()
  }
  return out
}
