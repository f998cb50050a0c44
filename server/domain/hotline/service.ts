/**
 * 12348 hotline console: log calls (with an optional callback booked in the same transaction),
 * list and open calls, the window picker, the day's callback queue, reveal and close a callback.
 * Every staff read of personal data is audited in the same transaction as the read.
 */
import { randomUUID } from 'node:crypto'
import type { Db } from '../../db/client'
import { writeAudit } from '../../repositories/audit'
import * as repo from '../../repositories/hotline'
import type { PersonalDataCrypto } from '../crypto/aead'
import { DomainError } from '../errors'
import type { ActorRef } from '../platform/actor'
import { shanghaiDay, shanghaiDayRange } from '../../../shared/time/calendar'
import * as rules from './rules'
import { maskPhone } from '../../../shared/domain/applications/mask'
import type { CompleteCallbackBody, LogCallBody } from '../../../shared/schemas/hotline'
import type {
  CallbackQueueItemDto, CallbackRevealDto, CallbackWindowDto, HotlineCallDto, HotlineCallItemDto, HotlineCallPageDto,
} from '../../../shared/types/hotline'

export interface HotlineDeps { db: Db, crypto: PersonalDataCrypto, now: () => Date }

export const PAGE_SIZE = 20

const callAad = (id: string) => `hotline_calls:${id}:caller_phone`
const callbackAad = (id: string) => `callbacks:${id}:phone`

const WINDOW_FULL = () => new DomainError('WINDOW_FULL')
const WINDOW_NOT_FOUND = () => new DomainError('WINDOW_NOT_FOUND')
const CALL_NOT_FOUND = () => new DomainError('CALL_NOT_FOUND')
const CALLBACK_NOT_FOUND = () => new DomainError('CALLBACK_NOT_FOUND')

function toItem(r: repo.CallListRow, actor: ActorRef): HotlineCallItemDto {
  return {
    id: r.call.id,
    reference: r.call.reference,
    startedAt: r.call.startedAt.toISOString(),
    topic: r.call.topic,
    outcome: r.call.outcome,
    callerPhoneMasked: r.call.callerPhoneMasked,
    callerGroups: r.call.callerGroups,
    operatorName: r.operatorName,
    mine: r.call.operatorId === actor.id,
    callback: r.callback && r.windowStartsAt && r.windowEndsAt
      ? { id: r.callback.id, windowStartsAt: r.windowStartsAt.toISOString(), windowEndsAt: r.windowEndsAt.toISOString(), slotNo: r.callback.slotNo, status: r.callback.status }
      : null,
  }
}

export async function logCall(deps: HotlineDeps, actor: ActorRef, body: LogCallBody, ipHash: string | null = null): Promise<HotlineCallDto> {
  rules.checkOutcome(body)
  const now = deps.now()
  const { cipher, lookup } = deps.crypto
  const callId = randomUUID()
  const phone = body.callerPhone
  await deps.db.transaction(async (tx) => {
    if (body.servicePointId && !(await repo.servicePointExists(tx, body.servicePointId))) {
      throw new DomainError('SERVICE_POINT_NOT_FOUND')
    }
    await repo.insertCall(tx, {
      id: callId,
      reference: rules.callReference(now),
      operatorId: actor.id,
      startedAt: now,
      topic: body.topic,
      summary: body.summary,
      callerPhoneEnc: phone ? cipher.encrypt(phone, callAad(callId)) : null,
      callerPhoneHash: phone ? lookup(phone, 'phone') : null,
      callerPhoneMasked: phone ? maskPhone(phone) : null,
      callerGroups: body.callerGroups,
      outcome: body.outcome,
      referredServicePointId: body.servicePointId ?? null,
    })
    await writeAudit(tx, {
      actor, action: 'hotline_call.create', objectType: 'hotline_call', objectId: callId, ipHash,
      detail: { outcome: body.outcome, topic: body.topic, anonymous: !phone },
    })
    if (body.outcome !== 'callback_booked' || !phone || !body.callbackWindowId) return
    const window = await repo.lockWindow(tx, body.callbackWindowId)
    if (!window) throw WINDOW_NOT_FOUND()
    rules.assertBookable(window, now)
    const id = randomUUID()
    const slotNo = await repo.bookLowestFreeSlot(tx, {
      id, callId, windowId: window.id,
      phoneEnc: cipher.encrypt(phone, callbackAad(id)), phoneHash: lookup(phone, 'phone'), phoneMasked: maskPhone(phone),
    })
    if (slotNo === undefined) throw WINDOW_FULL()
    await writeAudit(tx, { actor, action: 'callback.book', objectType: 'callback', objectId: id, ipHash, detail: { callId, windowId: window.id, slotNo } })
  })
  const row = await repo.findCall(deps.db, callId)
  return { ...toItem(row!, actor), summary: row!.call.summary, servicePoint: row!.call.referredServicePointId ? { id: row!.call.referredServicePointId, name: row!.servicePointName ?? '' } : null }
}

export async function listCalls(deps: HotlineDeps, actor: ActorRef, page: number, ipHash: string | null = null): Promise<HotlineCallPageDto> {
  return deps.db.transaction(async (tx) => {
    const { rows, total } = await repo.listCalls(tx, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    await writeAudit(tx, { actor, action: 'hotline_call.list', objectType: 'hotline_call', ipHash, detail: { page, count: rows.length } })
    return { items: rows.map(r => toItem(r, actor)), page, pageSize: PAGE_SIZE, total }
  })
}

export async function openCall(deps: HotlineDeps, actor: ActorRef, id: string, ipHash: string | null = null): Promise<HotlineCallDto> {
  return deps.db.transaction(async (tx) => {
    const r = await repo.findCall(tx, id)
    if (!r) throw CALL_NOT_FOUND()
    await writeAudit(tx, { actor, action: 'hotline_call.read', objectType: 'hotline_call', objectId: id, ipHash })
    return {
      ...toItem(r, actor),
      summary: r.call.summary,
      servicePoint: r.call.referredServicePointId ? { id: r.call.referredServicePointId, name: r.servicePointName ?? '' } : null,
    }
  })
}

export async function listWindows(deps: HotlineDeps): Promise<CallbackWindowDto[]> {
  const now = deps.now()
  const { from, to } = rules.windowHorizon(now)
  const rows = await repo.listWindowsBetween(deps.db, from, to)
  return rules.openWindows(rows, now).map(({ window: w, free }) => ({
    id: w.id, startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString(), capacity: w.capacity, free,
  }))
}

export async function callbackQueue(deps: HotlineDeps, actor: ActorRef, date: string | undefined, ipHash: string | null = null): Promise<CallbackQueueItemDto[]> {
  const day = date ?? shanghaiDay(deps.now())
  const { start, end } = shanghaiDayRange(day)
  return deps.db.transaction(async (tx) => {
    const rows = await repo.listCallbacksBetween(tx, start, end)
    await writeAudit(tx, { actor, action: 'callback.list', objectType: 'callback', ipHash, detail: { date: day, count: rows.length } })
    return rows.map(r => ({
      id: r.callback.id,
      callId: r.callback.callId,
      callReference: r.reference,
      topic: r.topic,
      windowStartsAt: r.window.startsAt.toISOString(),
      windowEndsAt: r.window.endsAt.toISOString(),
      slotNo: r.callback.slotNo,
      status: r.callback.status,
      phoneMasked: r.callback.phoneMasked,
    }))
  })
}

/** The full number for dialing: its own audited action, with the purpose stated. */
export async function revealCallback(deps: HotlineDeps, actor: ActorRef, id: string, purpose: string, ipHash: string | null = null): Promise<CallbackRevealDto> {
  return deps.db.transaction(async (tx) => {
    const cb = await repo.findCallback(tx, id)
    if (!cb) throw CALLBACK_NOT_FOUND()
    await writeAudit(tx, { actor, action: 'callback.reveal', objectType: 'callback', objectId: id, purpose, ipHash })
    return { phone: deps.crypto.cipher.decrypt(cb.phoneEnc, callbackAad(id)) }
  })
}

export async function completeCallback(deps: HotlineDeps, actor: ActorRef, id: string, body: CompleteCallbackBody, ipHash: string | null = null): Promise<CallbackQueueItemDto['status']> {
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const cb = await repo.findCallback(tx, id)
    if (!cb) throw CALLBACK_NOT_FOUND()
    rules.assertClosable(cb.status)
    const closed = await repo.closeCallback(tx, id, body.status, actor.id, now)
    if (!closed) rules.assertClosable('changed')
    await writeAudit(tx, { actor, action: 'callback.complete', objectType: 'callback', objectId: id, ipHash, detail: { status: body.status } })
    return closed!.status
  })
}
