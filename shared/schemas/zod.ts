// zod with Chinese default messages. Import `z` from here in every shared schema so forms and
// routes show the same Simplified Chinese messages. Also the edge rules every string obeys
// (no NUL, no lone UTF-16 surrogates) and real calendar dates, shared by forms, schemas and the
// request guard in server/middleware/security.ts.
import { z } from 'zod'

z.config(z.locales.zhCN())

export { z }

export const UNSAFE_TEXT_MESSAGE = '内容包含无法识别的字符，请删除后重试'

/**
 * NUL (PostgreSQL cannot store it in text) and lone UTF-16 surrogates (not text at all: they
 * cannot be encoded as UTF-8). Control characters other than NUL are left to each field's rules.
 */
const UNSAFE_TEXT = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export function hasUnsafeText(s: string): boolean {
  return UNSAFE_TEXT.test(s)
}

/** A string that is real text (see hasUnsafeText). Use it where a schema starts from `z.string()`. */
export function safeString(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(s => !hasUnsafeText(s), UNSAFE_TEXT_MESSAGE)
}

/** Years the portal's calendar works with; anything outside is a typo or a probe. */
export const CALENDAR_MIN_YEAR = 1900
export const CALENDAR_MAX_YEAR = 2199

/** 'YYYY-MM-DD' naming a day that exists (no 2026-02-30, no year 0000). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  if (y < CALENDAR_MIN_YEAR || y > CALENDAR_MAX_YEAR) return false
  const t = new Date(Date.UTC(y, mo - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}

export const CALENDAR_DATE_MESSAGE = '日期格式应为 YYYY-MM-DD，且须是真实存在的日期'

/** A real calendar day as 'YYYY-MM-DD'. */
export function calendarDate(message = CALENDAR_DATE_MESSAGE) {
  return z.string({ error: message }).refine(isCalendarDate, message)
}
