/**
 * Rules of public appointments (预约法律咨询), framework-free and clock-injected: which slots can be
 * booked or shown, how a reference looks, which appointment can still be cancelled.
 * Capacity and references are the platform's (server/domain/platform).
 */
import { randomInt } from 'node:crypto'
import { DomainError } from '../errors'
import { freePlaces, isBookable, type WindowLike } from '../platform/capacity'
import { yearReference, type RandomInt } from '../platform/reference'

const DAY_MS = 86_400_000
/** How far ahead the slot picker looks. */
export const SLOT_HORIZON_DAYS = 14

export function slotHorizon(now: Date): { from: Date, to: Date } {
  return { from: now, to: new Date(now.getTime() + SLOT_HORIZON_DAYS * DAY_MS) }
}

/** A slot must still be in the future when it is booked. */
export function assertSlotBookable(s: WindowLike, now: Date): void {
  if (!isBookable(s, now)) throw new DomainError('SLOT_CLOSED')
}

/** Future slots that still have a free place, earliest first. */
export function openSlots<S extends WindowLike>(rows: ReadonlyArray<{ slot: S, booked: number }>, now: Date): Array<{ slot: S, free: number }> {
  return rows
    .filter(r => isBookable(r.slot, now))
    .map(r => ({ slot: r.slot, free: freePlaces(r.slot, r.booked) }))
    .filter(r => r.free > 0)
    .sort((a, b) => a.slot.startsAt.getTime() - b.slot.startsAt.getTime())
}

/** Only a booked appointment that has not begun can be cancelled by the person. */
export function assertCancellable(status: string, startsAt: Date, now: Date): void {
  if (status !== 'booked') throw new DomainError('APPOINTMENT_NOT_CANCELLABLE')
  if (startsAt.getTime() <= now.getTime()) throw new DomainError('APPOINTMENT_NOT_CANCELLABLE', undefined, '预约时间已到，不能在网上取消，请拨打 12348')
}

/** 预约编号 YY-<year>-<6 characters>, e.g. YY-2026-7KQ2M9. */
export function appointmentReference(now: Date, random: RandomInt = randomInt): string {
  return yearReference('YY', now, 6, random)
}
