/**
 * The one generator of the codes people read out over the phone: 受理编号 YCFY-2026-000123-7KQ2M,
 * 来电编号 RX-2026-7KQ2M9, 预约编号 YY-2026-7KQ2M9. The random part is drawn from an alphabet
 * without 0/O and 1/I (32 characters, 5 bits each) with a CSPRNG.
 */
import { randomInt } from 'node:crypto'
import { shanghaiDay } from '../../../shared/time/calendar'

export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'

export type RandomInt = (max: number) => number

/** `length` random characters from the reference alphabet. */
export function randomReferenceChars(length: number, random: RandomInt = randomInt): string {
  let s = ''
  for (let i = 0; i < length; i++) s += REFERENCE_ALPHABET[random(REFERENCE_ALPHABET.length)]
  return s
}

/** `<prefix>-<Beijing year of now>-<length random characters>`, e.g. RX-2026-7KQ2M9. */
export function yearReference(prefix: string, now: Date, length = 6, random: RandomInt = randomInt): string {
  return `${prefix}-${shanghaiDay(now).slice(0, 4)}-${randomReferenceChars(length, random)}`
}
