/**
 * Rules of public appointments (预约法律咨询), framework-free and clock-injected: which slots can be
 * booked or shown, how a reference looks, which appointment can still be cancelled.
 * Calendar helpers are shared with the hotline (Asia/Shanghai days, working days).
 */
import { randomInt } from 'node:crypto'
import { DomainError } from '../errors'
import { freePlaces, isBookable, shanghaiDay, type WindowLike } from '../hotline/rules'

const DAY_MS = 86_400_000
/** How far ahead the slot picker looks. */
export const SLOT_HORIZON_DAYS = 14

export function slotHorizon(now: Date): { from: Date, to: Date } {
  return { from: now, to: new Date(now.getTime() + SLOT_HORIZON_DAYS * DAY_MS) }
}

/** A slot must still be in the future when it is booked. */
export function assertSlotBookable(s: WindowLike, now: Date): void {
  if (!isBookable(s, now)) throw new DomainError('SLOT_CLOSED', 'conflict', '该时段已开始或已结束，请选择其他时间')
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
  if (status !== 'booked') throw new DomainError('APPOINTMENT_NOT_CANCELLABLE', 'conflict', '该预约已取消或已办结，无需再取消')
  if (startsAt.getTime() <= now.getTime()) throw new DomainError('APPOINTMENT_NOT_CANCELLABLE', 'conflict', '预约时间已到，不能在网上取消，请拨打 12348')
}

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ' // no 0/O, 1/I: read out over the phone

/** 预约编号 YY-<year>-<6 characters>, e.g. YY-2026-7KQ2M9. */
export function appointmentReference(now: Date, random: (max: number) => number = randomInt): string {
  let s = ''
  for (let i = 0; i < 6; i++) s += ALPHABET[random(ALPHABET.length)]
  return `YY-${shanghaiDay(now).slice(0, 4)}-${s}`
}
