/**
 * 12348 hotline console: log calls (with an optional callback booked in the same transaction),
 * list and open calls, the window picker, the day's callback queue, reveal and close a callback.
 * Every staff read of personal data is audited in the same transaction as the read.
 */
import { randomUUID } from 'node:crypto'
import type { Db, DbOrTx } from '../../db/client'
import { writeAudit } from '../../repositories/audit'
import * as repo from '../../repositories/hotline'
import type { PersonalDataCrypto } from '../crypto/aead'
import { DomainError } from '../errors'
import type { ActorRef } from '../platform/actor'
import { shanghaiDay, shanghaiDayRange } from '../../../shared/time/calendar'
import * as rules from './rules'
import { maskPhone } from '../../../shared/domain/applications/mask'
import type { CallLinkBody, CompleteCallbackBody, DayRangeQuery, LogCallBody, OutcomeCodeBody, UpdateCallBody } from '../../../shared/schemas/hotline'
import { callsCsv } from './export'
import type {
  CallbackQueueItemDto, CallbackRevealDto, CallbackWindowDto, HotlineCallDto, HotlineCallItemDto, HotlineCallPageDto, OutcomeCodeDto,
} from '../../../shared/types/hotline'
import type { HotlineCallLinkRow } from '../../db/schema'

export interface HotlineDeps { db: Db, crypto: PersonalDataCrypto, now: () => Date }
/** Who is acting: the platform's actor reference (id + role). */
export type HotlineActor = ActorRef

export const PAGE_SIZE = 20

const callAad = (id: string) => `hotline_calls:${id}:caller_phone`
const callbackAad = (id: string) => `callbacks:${id}:phone`

const WINDOW_FULL = () => new DomainError('WINDOW_FULL')
const WINDOW_NOT_FOUND = () => new DomainError('WINDOW_NOT_FOUND')
const CALL_NOT_FOUND = () => new DomainError('CALL_NOT_FOUND')
const CALLBACK_NOT_FOUND = () => new DomainError('CALLBACK_NOT_FOUND')

const CALL_RESTRICTED = () => new DomainError('CALL_RESTRICTED')
const STALE_EDIT = (currentVersion: number) => new DomainError('STALE_EDIT', { currentVersion })
const OUTCOME_UNKNOWN = () => new DomainError('OUTCOME_UNKNOWN')

/** Whether the record's personal details are for this staff member (家庭暴力: only the staff handling it). */
export function mayOpen(r: Pick<repo.CallListRow, 'call' | 'callback'>, actor: HotlineActor): boolean {
  return !rules.isRestrictedTopic(r.call.topic) || rules.isHandler(actor.id, r.call.operatorId, r.callback?.completedBy ?? null)
}

function toItem(r: repo.CallListRow, actor: HotlineActor): HotlineCallItemDto {
  const open = mayOpen(r, actor)
  return {
    id: r.call.id,
    reference: r.call.reference,
    startedAt: r.call.startedAt.toISOString(),
    topic: r.call.topic,
    outcome: r.call.outcome,
    outcomeLabel: r.outcomeLabel,
    callerPhoneMasked: open ? r.call.callerPhoneMasked : null,
    callerGroups: r.call.callerGroups,
    operatorName: r.operatorName,
    mine: r.call.operatorId === actor.id,
    urgent: r.call.urgent,
    safeToCallBack: r.call.safeToCallBack,
    discreet: r.call.discreet,
    interpreter: r.call.interpreter,
    elderlyOrDisabled: r.call.elderlyOrDisabled,
    toldOfLegalAidRight: r.call.toldOfLegalAidRight,
    version: r.call.version,
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
    const code = await repo.findOutcomeCode(tx, body.outcome)
    if (!code?.active) throw OUTCOME_UNKNOWN()
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
      urgent: body.urgent,
      safeToCallBack: body.safeToCallBack,
      discreet: body.discreet,
      interpreter: body.interpreter,
      elderlyOrDisabled: body.elderlyOrDisabled,
      toldOfLegalAidRight: body.toldOfLegalAidRight,
    })
    await writeAudit(tx, {
      actor, action: 'hotline_call.create', objectType: 'hotline_call', objectId: callId, ipHash,
      detail: { outcome: body.outcome, topic: body.topic, anonymous: !phone, urgent: body.urgent, safeToCallBack: body.safeToCallBack, toldOfLegalAidRight: body.toldOfLegalAidRight },
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
  return toDetail(row!, actor, [])
}

function toDetail(r: NonNullable<Awaited<ReturnType<typeof repo.findCall>>>, actor: HotlineActor, links: HotlineCallLinkRow[]): HotlineCallDto {
  return {
    ...toItem(r, actor),
    summary: r.call.summary,
    servicePoint: r.call.referredServicePointId ? { id: r.call.referredServicePointId, name: r.servicePointName ?? '' } : null,
    links: links.map(l => ({ kind: l.kind, reference: l.reference, createdAt: l.createdAt.toISOString() })),
  }
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
    if (!mayOpen(r, actor)) {
      await writeAudit(tx, { actor, action: 'hotline_call.read', objectType: 'hotline_call', objectId: id, ipHash, outcome: 'denied', detail: { reason: 'restricted_topic' } })
      return null
    }
    await writeAudit(tx, { actor, action: 'hotline_call.read', objectType: 'hotline_call', objectId: id, ipHash })
    return toDetail(r, actor, await repo.listCallLinks(tx, id))
  }).then((d) => {
    if (!d) throw CALL_RESTRICTED()
    return d
  })
}

/**
 * Edits a logged call. The operator sends the version they saw: an edit of an older version is
 * refused (409 STALE_EDIT), never a silent overwrite. The callback outcome is not switched on or
 * off here (a callback has its own life in the queue).
 */
export async function updateCall(deps: HotlineDeps, actor: HotlineActor, id: string, body: UpdateCallBody, ipHash: string | null = null): Promise<HotlineCallDto> {
  const now = deps.now()
  await deps.db.transaction(async (tx) => {
    const before = await repo.findCall(tx, id)
    if (!before) throw CALL_NOT_FOUND()
    if (!mayOpen(before, actor)) throw CALL_RESTRICTED()
    if (before.call.version !== body.version) throw STALE_EDIT(before.call.version)
    rules.checkOutcomeChange(before.call.outcome, body)
    if (body.outcome !== before.call.outcome) {
      const code = await repo.findOutcomeCode(tx, body.outcome)
      if (!code?.active) throw OUTCOME_UNKNOWN()
    }
    if (body.servicePointId && !(await repo.servicePointExists(tx, body.servicePointId))) {
      throw new DomainError('SERVICE_POINT_NOT_FOUND')
    }
    const patch: repo.CallPatch = {
      topic: body.topic, summary: body.summary, callerGroups: body.callerGroups, outcome: body.outcome,
      referredServicePointId: body.outcome === 'referred_service_point' ? body.servicePointId ?? null : null,
      urgent: body.urgent, safeToCallBack: body.safeToCallBack, discreet: body.discreet, interpreter: body.interpreter,
      elderlyOrDisabled: body.elderlyOrDisabled, toldOfLegalAidRight: body.toldOfLegalAidRight, updatedBy: actor.id,
    }
    const changed = rules.changedFields(before.call, patch)
    const after = await repo.updateCallVersioned(tx, id, body.version, patch, now)
    if (!after) {
      const current = await repo.findCall(tx, id)
      throw STALE_EDIT(current?.call.version ?? body.version)
    }
    await writeAudit(tx, { actor, action: 'hotline_call.update', objectType: 'hotline_call', objectId: id, ipHash, detail: { fields: changed, version: after.version } })
  })
  const r = await repo.findCall(deps.db, id)
  return toDetail(r!, actor, await repo.listCallLinks(deps.db, id))
}

/** Records what was started during the call (a screening, an application, a booking) by its reference. */
export async function linkCall(deps: HotlineDeps, actor: HotlineActor, id: string, body: CallLinkBody, ipHash: string | null = null, tx0?: DbOrTx): Promise<void> {
  const run = async (tx: DbOrTx) => {
    const r = await repo.findCall(tx, id)
    if (!r) throw CALL_NOT_FOUND()
    if (!mayOpen(r, actor)) throw CALL_RESTRICTED()
    const added = await repo.insertCallLink(tx, { callId: id, kind: body.kind, reference: body.reference, createdBy: actor.id, createdAt: deps.now() })
    if (added) await writeAudit(tx, { actor, action: 'hotline_call.link', objectType: 'hotline_call', objectId: id, ipHash, detail: { kind: body.kind, reference: body.reference } })
  }
  if (tx0) return run(tx0)
  return deps.db.transaction(run)
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

// ---- 处理结果 codes (data; admins edit them) ----

export async function listOutcomeCodes(deps: Pick<HotlineDeps, 'db'>): Promise<OutcomeCodeDto[]> {
  const rows = await repo.listOutcomeCodes(deps.db)
  return rows.map(r => ({ code: r.code, label: r.label, needsFollowUp: r.needsFollowUp, closesCall: r.closesCall, active: r.active, system: r.system, position: r.position }))
}

/** Adds a code or edits one; a system code cannot be switched off (the console's rules use it). */
export async function saveOutcomeCode(deps: Pick<HotlineDeps, 'db' | 'now'>, actor: HotlineActor, body: OutcomeCodeBody, ipHash: string | null = null): Promise<OutcomeCodeDto> {
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const before = await repo.findOutcomeCode(tx, body.code)
    if (before?.system && !body.active) throw new DomainError('OUTCOME_SYSTEM')
    const r = await repo.upsertOutcomeCode(tx, body, now)
    await writeAudit(tx, { actor, action: before ? 'hotline_outcome.update' : 'hotline_outcome.create', objectType: 'hotline_outcome', objectId: body.code, ipHash, detail: { needsFollowUp: body.needsFollowUp, closesCall: body.closesCall, active: body.active } })
    return { code: r.code, label: r.label, needsFollowUp: r.needsFollowUp, closesCall: r.closesCall, active: r.active, system: r.system, position: r.position }
  })
}

// ---- CSV export (supervisors, admins) ----

/** The calls of [from, to] (Asia/Shanghai days, inclusive) as CSV; audited with the range and row count. */
export async function exportCalls(deps: Pick<HotlineDeps, 'db'>, actor: HotlineActor, range: DayRangeQuery, ipHash: string | null = null): Promise<string> {
  const from = shanghaiDayRange(range.from).start
  const to = shanghaiDayRange(range.to).end
  return deps.db.transaction(async (tx) => {
    const rows = await repo.callsForExport(tx, from, to)
    await writeAudit(tx, { actor, action: 'hotline_call.export', objectType: 'hotline_call', ipHash, detail: { from: range.from, to: range.to, rows: rows.length } })
    return callsCsv(rows)
  })
}
