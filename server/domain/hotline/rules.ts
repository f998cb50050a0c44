/**
 * Rules of the 12348 hotline console, framework-free and clock-injected:
 * which outcome needs which details, which callback windows can be booked, how a call's
 * reference looks and which calendar day (Asia/Shanghai) a queue covers.
 */
import { randomInt } from 'node:crypto'
import { DomainError } from '../errors'
import type { HotlineOutcomeCode } from '../../../shared/schemas/hotline'

const SHANGHAI_OFFSET_MS = 8 * 3600_000
const DAY_MS = 86_400_000
/** How far ahead the window picker looks. */
export const WINDOW_HORIZON_DAYS = 14

export interface OutcomeInput {
  outcome: HotlineOutcomeCode
  callerPhone?: string
  servicePointId?: string
  callbackWindowId?: string
}

/** Cross-field rules: a callback needs a phone and a window; a referral needs a service point. */
export function checkOutcome(input: OutcomeInput): void {
  if (input.outcome === 'callback_booked') {
    if (!input.callerPhone) throw new DomainError('CALLBACK_PHONE_REQUIRED', 'bad_request', '预约回拨需要填写来电号码')
    if (!input.callbackWindowId) throw new DomainError('CALLBACK_WINDOW_REQUIRED', 'bad_request', '请选择回拨时段')
  } else if (input.callbackWindowId) {
    throw new DomainError('OUTCOME_MISMATCH', 'bad_request', '只有“预约律师回拨”才能选择回拨时段')
  }
  if (input.outcome === 'referred_service_point') {
    if (!input.servicePointId) throw new DomainError('SERVICE_POINT_REQUIRED', 'bad_request', '请选择转介的服务点')
  } else if (input.servicePointId) {
    throw new DomainError('OUTCOME_MISMATCH', 'bad_request', '只有“转介到服务点”才能选择服务点')
  }
}

export interface WindowLike { startsAt: Date, endsAt: Date, capacity: number }

export function isBookable(w: WindowLike, now: Date): boolean {
  return w.startsAt.getTime() > now.getTime()
}

/** A callback window must still be in the future when it is booked. */
export function assertBookable(w: WindowLike, now: Date): void {
  if (!isBookable(w, now)) throw new DomainError('WINDOW_CLOSED', 'conflict', '该回拨时段已开始或已结束，请选择其他时段')
}

export function freePlaces(w: WindowLike, booked: number): number {
  return Math.max(0, w.capacity - booked)
}

/** Future windows only, earliest first, each with its free places. */
export function openWindows<W extends WindowLike>(rows: ReadonlyArray<{ window: W, booked: number }>, now: Date): Array<{ window: W, free: number }> {
  return rows
    .filter(r => isBookable(r.window, now))
    .sort((a, b) => a.window.startsAt.getTime() - b.window.startsAt.getTime())
    .map(r => ({ window: r.window, free: freePlaces(r.window, r.booked) }))
}

export function windowHorizon(now: Date): { from: Date, to: Date } {
  return { from: now, to: new Date(now.getTime() + WINDOW_HORIZON_DAYS * DAY_MS) }
}

/** The Asia/Shanghai calendar day of an instant (YYYY-MM-DD). */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** [start, end) instants of a calendar day in Asia/Shanghai. */
export function shanghaiDayRange(day: string): { from: Date, to: Date } {
  const from = new Date(`${day}T00:00:00+08:00`)
  if (Number.isNaN(from.getTime())) throw new DomainError('VALIDATION', 'bad_request', '日期格式应为 YYYY-MM-DD')
  return { from, to: new Date(from.getTime() + DAY_MS) }
}

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ' // no 0/O, 1/I: read out over the phone

/** 来电编号 RX-<year>-<6 characters>, e.g. RX-2026-7KQ2M9. */
export function callReference(now: Date, random: (max: number) => number = randomInt): string {
  let s = ''
  for (let i = 0; i < 6; i++) s += ALPHABET[random(ALPHABET.length)]
  return `RX-${shanghaiDay(now).slice(0, 4)}-${s}`
}

/** Only a booked callback can be marked done or missed. */
export function assertClosable(status: string): void {
  if (status !== 'booked') throw new DomainError('CALLBACK_NOT_OPEN', 'conflict', '该回拨已处理，请刷新队列')
}

/** Working days (Mon-Fri) from `now`'s Shanghai day on, `count` of them, as YYYY-MM-DD. */
export function nextWorkingDays(now: Date, count: number, includeToday = true): string[] {
  const out: string[] = []
  let t = new Date(`${shanghaiDay(now)}T00:00:00Z`).getTime()
  if (!includeToday) t += DAY_MS
  while (out.length < count) {
    const wd = new Date(t).getUTCDay()
    if (wd !== 0 && wd !== 6) out.push(new Date(t).toISOString().slice(0, 10))
    t += DAY_MS
  }
  return out
}
