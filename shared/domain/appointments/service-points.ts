/**
 * Finding a service point (issue 9): the filters, the order, the paging and the opening-hours text,
 * without zod, Vue or the database, so the finder page (its own chunk: nothing here is imported by
 * another page) and the server run the same rules. The query schema is `servicePointsQuery` in
 * shared/schemas/service-points.ts, built from the lists below.
 */
import { COUNTY_CODES, COUNTY_NAMES, type CountyCode } from '../platform/counties'

/** What a point may offer; the finder's 服务 filter lists these, the query schema accepts only these. */
export const SERVICE_POINT_SERVICES = ['法律咨询', '法律援助申请', '法律援助转介', '人民调解', '公证咨询', '司法鉴定咨询'] as const
export type ServicePointService = typeof SERVICE_POINT_SERVICES[number]

/** The 区县 filter: `city` (the city-level centre) or one of the six districts/counties. */
export const SERVICE_POINT_AREA_CODES = ['city', ...COUNTY_CODES] as const
export type ServicePointAreaCode = typeof SERVICE_POINT_AREA_CODES[number]
export const SERVICE_POINT_AREA_LABELS: Record<ServicePointAreaCode, string> = { city: '市级（全市）', ...COUNTY_NAMES }

export interface ServicePointFilter { county?: string, level?: string, service?: string, channel?: string }

/** The fields the filters and the order read (ServicePointDto has them all). */
export interface FilterablePoint {
  code: string
  level: string
  county: string | null
  services: readonly string[]
  channels: readonly string[]
}

export function matchesServicePointFilter(p: FilterablePoint, q: ServicePointFilter): boolean {
  return (!q.county || (q.county === 'city' ? p.level === 'city' : p.county === q.county))
    && (!q.level || p.level === q.level)
    && (!q.service || p.services.includes(q.service))
    && (!q.channel || p.channels.includes(q.channel))
}

function areaRank(p: FilterablePoint): number {
  if (p.level === 'city') return -1
  const i = COUNTY_CODES.indexOf(p.county as CountyCode)
  return i === -1 ? COUNTY_CODES.length : i
}

/**
 * The city centre first, then the counties in the city's own order; inside a county the tree order
 * (centre, then each township followed by its villages: their codes sort that way, yc-helan-t1-v1).
 */
export function compareServicePoints(a: FilterablePoint, b: FilterablePoint): number {
  const ra = areaRank(a)
  const rb = areaRank(b)
  if (ra !== rb) return ra - rb
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0
}

/** The points that pass every filter given, in the order they came (the API keeps its code order). */
export function filterServicePoints<T extends FilterablePoint>(points: readonly T[], q: ServicePointFilter = {}): T[] {
  return points.filter(p => matchesServicePointFilter(p, q))
}

/** The finder's order for residents (compareServicePoints), as a new array. */
export function sortServicePoints<T extends FilterablePoint>(points: readonly T[]): T[] {
  return [...points].sort(compareServicePoints)
}

/** Cards per step of 显示更多: a phone in large text sees the filters and about two cards per screen. */
export const FINDER_PAGE_SIZE = 6

/**
 * How many cards the page shows for `?shown=` (the 显示更多 link adds a page): a whole number of
 * pages, at least one, at most all. Anything else (text, negative, huge) is the first page: a
 * resident who edited the address gets the list, not an error.
 */
export function shownCount(raw: unknown, total: number, pageSize = FINDER_PAGE_SIZE): number {
  const s = Array.isArray(raw) ? raw[0] : raw
  const n = typeof s === 'string' && /^\d{1,4}$/.test(s) ? Number(s) : pageSize
  const pages = Math.max(1, Math.ceil(n / pageSize))
  return Math.min(pages * pageSize, Math.max(pageSize, Math.ceil(total / pageSize) * pageSize))
}

export interface FinderPage<T> { items: T[], total: number, shown: number, remaining: number, nextShown: number | null }

/** The first `shown` points and what the 显示更多 link would add. */
export function finderPage<T>(items: readonly T[], rawShown: unknown, pageSize = FINDER_PAGE_SIZE): FinderPage<T> {
  const shown = shownCount(rawShown, items.length, pageSize)
  const visible = items.slice(0, shown)
  const remaining = items.length - visible.length
  return { items: visible, total: items.length, shown: visible.length, remaining, nextShown: remaining > 0 ? shown + pageSize : null }
}

const WEEKDAY_CHARS = '一二三四五六日天'
const weekdayRank = (days: string) => {
  const day = /[周星期]([一二三四五六日天])/.exec(days)?.[1]
  return day ? Math.min(WEEKDAY_CHARS.indexOf(day), 6) : 7
}

/**
 * The entries in week order (by the first weekday each names; others last, as they came):
 * PostgreSQL's jsonb keeps keys shortest first, so `{ 周一至周五, 周六 }` comes back as `{ 周六, 周一至周五 }`.
 */
export function openingHoursEntries(hours: Readonly<Record<string, string>>): Array<[string, string]> {
  return Object.entries(hours).map((e, i) => [e, i] as const)
    .sort(([[a], i], [[b], j]) => weekdayRank(a) - weekdayRank(b) || i - j)
    .map(([e]) => e)
}

/** The same hours as an object whose keys are in week order (JSON keeps that order for the browser). */
export function openingHoursInWeekOrder(hours: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(openingHoursEntries(hours))
}

/**
 * Opening hours as lines to read out: `{ 周一至周五: '09:00-12:00, 13:30-17:30' }` →
 * `['周一至周五 09:00–12:00、13:30–17:30']` (an en dash a screen reader reads as 至, 、 between sessions).
 */
export function openingHoursLines(hours: Readonly<Record<string, string>>): string[] {
  return openingHoursEntries(hours)
    .filter(([, h]) => h.trim() !== '')
    .map(([days, h]) => `${days} ${h.split(/\s*[,，、]\s*/).filter(Boolean).map(s => s.replace(/(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})/g, '$1–$2')).join('、')}`)
}
