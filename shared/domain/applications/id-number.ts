/**
 * 居民身份证号 (GB 11643-1999) for legal-aid applications. Always a string (the last character
 * may be `X`; a number would also lose leading zeros and precision).
 *
 * Stricter than the case-text detector in ../cases/pii.ts: an application needs the 18-character
 * number; the 15-character pre-1999 format is refused (it has no check character). Fullwidth
 * digits (１２３…) are REFUSED here with their own message; the form converts them to halfwidth as
 * the person types (`normalizeIdNumberInput`), so the server only ever sees what the form showed.
 */
import { idNumberCheckChar } from '../cases/pii'
import { shanghaiDay } from '../../time/calendar'

export type IdNumberProblem =
  | 'not_string'
  | 'fullwidth'
  | 'old_15_digit'
  | 'format'
  | 'region'
  | 'birth_date'
  | 'future_birth_date'
  | 'checksum'

export const idNumberMessages: Record<IdNumberProblem, string> = {
  not_string: '身份证号必须以文字形式填写',
  fullwidth: '身份证号请使用半角数字（请把输入法切换为英文或半角后再输入）',
  old_15_digit: '请填写 18 位身份证号（15 位旧号码请换用新身份证号）',
  format: '身份证号应为 18 位：前 17 位是数字，最后一位是数字或字母 X',
  region: '身份证号前两位不是有效的省级行政区代码，请核对',
  birth_date: '身份证号中的出生日期不存在，请核对',
  future_birth_date: '身份证号中的出生日期晚于今天，请核对',
  checksum: '身份证号最后一位校验码不正确，请逐位核对',
}

const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
])

const FULLWIDTH = /[\uFF10-\uFF19\uFF38\uFF58]/

export { normalizeIdNumberInput } from './form-input'

export interface IdNumberCheck {
  ok: boolean
  problem?: IdNumberProblem
  /** YYYY-MM-DD, when the number is valid */
  birthDate?: string
}

/** Checks an ID number as it would be stored (ASCII, upper-case X). `now` decides "future". */
export function checkIdNumber(value: unknown, now: Date = new Date()): IdNumberCheck {
  if (typeof value !== 'string') return { ok: false, problem: 'not_string' }
  if (FULLWIDTH.test(value)) return { ok: false, problem: 'fullwidth' }
  if (/^\d{15}$/.test(value)) return { ok: false, problem: 'old_15_digit' }
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'format' }
  if (!PROVINCE_CODES.has(value.slice(0, 2))) return { ok: false, problem: 'region' }
  const y = Number(value.slice(6, 10))
  const m = Number(value.slice(10, 12))
  const d = Number(value.slice(12, 14))
  const date = new Date(Date.UTC(y, m - 1, d))
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, problem: 'birth_date' }
  }
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`
  if (birthDate > shanghaiDay(now)) return { ok: false, problem: 'future_birth_date' }
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'checksum' }
  return { ok: true, birthDate }
}

/** Full years of age on `today` (YYYY-MM-DD) for a birth date (YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number]
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number]
  let age = ty - by
  if (tm < bm || (tm === bm && td < bd)) age--
  return age
}

/** Completes a 17-digit body with its check character (tests and demo data). */
export function withCheckChar(first17: string): string {
  return first17 + idNumberCheckChar(first17)
}
