/**
 * Small pure rules of bookings: how a reference looks (the platform's reference generator).
 */
import { randomInt } from 'node:crypto'
import { yearReference, type RandomInt } from '../platform/reference'

/** 预约编号 YY-<year>-<6 characters>, e.g. YY-2026-7KQ2M9. */
export function appointmentReference(now: Date, random: RandomInt = randomInt): string {
  return yearReference('YY', now, 6, random)
}
