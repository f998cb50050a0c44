/**
 * Rules of the 12348 hotline console, framework-free and clock-injected:
 * which outcome needs which details, who may open a record, how a call's
 * reference looks.
 */
import { randomInt } from 'node:crypto'
import { DomainError } from '../errors'
import type { HotlineOutcomeCode } from '../../../shared/schemas/hotline'
import { yearReference, type RandomInt } from '../platform/reference'

export interface OutcomeInput {
  outcome: HotlineOutcomeCode
  callerPhone?: string
  servicePointId?: string
  callbackWindowId?: string
}

/** Cross-field rules: a callback needs a phone and a window; a referral needs a service point. */
export function checkOutcome(input: OutcomeInput): void {
  if (input.outcome === 'callback_booked') {
    if (!input.callerPhone) throw new DomainError('CALLBACK_PHONE_REQUIRED')
    if (!input.callbackWindowId) throw new DomainError('CALLBACK_WINDOW_REQUIRED')
  } else if (input.callbackWindowId) {
    throw new DomainError('OUTCOME_MISMATCH', undefined, '只有“预约律师回拨”才能选择回拨时段')
  }
  if (input.outcome === 'referred_service_point') {
    if (!input.servicePointId) throw new DomainError('SERVICE_POINT_REQUIRED')
  } else if (input.servicePointId) {
    throw new DomainError('OUTCOME_MISMATCH', undefined, '只有“转介到服务点”才能选择服务点')
  }
}

/** Matters whose records only the staff handling them may open (反家庭暴力法第十四条、第三十三条: protect the victim's information). */
export const RESTRICTED_TOPICS: readonly string[] = ['家庭暴力']

export function isRestrictedTopic(topic: string | null | undefined): boolean {
  return topic ? RESTRICTED_TOPICS.includes(topic) : false
}

/** The staff handling a call: who took it, or who handled its callback. */
export function isHandler(actorId: string, operatorId: string | null, callbackHandlerId: string | null): boolean {
  return actorId === operatorId || actorId === callbackHandlerId
}

/** An edit may not switch the callback outcome on or off (the callback lives in the queue); a referral needs its point. */
export function checkOutcomeChange(before: string, after: { outcome: string, servicePointId?: string }): void {
  if (before !== after.outcome && (before === 'callback_booked' || after.outcome === 'callback_booked')) {
    throw new DomainError('OUTCOME_MISMATCH', undefined, '“预约律师回拨”不能在修改时设置或取消，请在回拨队列中处理回拨')
  }
  if (after.outcome === 'referred_service_point') {
    if (!after.servicePointId) throw new DomainError('SERVICE_POINT_REQUIRED')
  } else if (after.servicePointId) {
    throw new DomainError('OUTCOME_MISMATCH', undefined, '只有“转介到服务点”才能选择服务点')
  }
}

/** Names of the fields an edit changes (for the audit row; never the values). */
export function changedFields(before: Record<string, unknown>, patch: Record<string, unknown>): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
  return Object.keys(patch).filter(k => k !== 'updatedBy' && !same(before[k], patch[k])).sort()
}

/** 来电编号 RX-<year>-<6 characters>, e.g. RX-2026-7KQ2M9. */
export function callReference(now: Date, random: RandomInt = randomInt): string {
  return yearReference('RX', now, 6, random)
}

/** Only an open callback can be tried, closed or reassigned. */
export function assertClosable(status: string): void {
  if (status !== 'booked') throw new DomainError('CALLBACK_NOT_OPEN')
}
