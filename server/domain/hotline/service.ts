/**
 * 12348 hotline console: log calls (with an optional callback booked in the same transaction),
 * list and open calls, the window picker, the day's callback queue, reveal and close a callback.
 * A callback is an appointment of channel hotline_callback, booked through the one booking service
 * (domain/appointments): same slots, capacity, hoarding limits, texts and rating as a resident's own.
 * Every staff read of personal data is audited in the same transaction as the read.
 */
import { randomUUID } from 'node:crypto'
import { pgErrorOf, type DbOrTx, type Tx } from '../../db/client'
import { writeAudit } from '../../repositories/audit'
import * as repo from '../../repositories/hotline'
import { type AppointmentDeps, bookCallbackInTransaction, bookInTransaction, listCallbackSlots, recordOutcomeInTransaction, revealCallbackPhone } from '../appointments/service'
import { DomainError } from '../errors'
import type { ActorRef } from '../platform/actor'
import { shanghaiDay, shanghaiDayRange } from '../../../shared/time/calendar'
import * as cb from './callbacks'
import * as rules from './rules'
import { maskName, maskPhone } from '../../../shared/domain/applications/mask'
import { CALL_LINK_LABELS, type ApplyFromCallBody, type BookForCallBody, type CallerLookupBody, type CallLinkBody, type CallLinkKind, type DayRangeQuery, type LogCallBody, type OutcomeCodeBody, type UpdateCallBody } from '../../../shared/schemas/hotline'
import { callsCsv } from './export'
import type {
  ApplyForCallDto, CallCarryOverDto, CallerHistoryDto, CallScreeningDto, ScreenForCallDto,
  CallbackQueueItemDto, CallbackRevealDto, CallbackWindowDto, HotlineCallDto, HotlineCallItemDto, HotlineCallPageDto, OutcomeCodeDto,
} from '../../../shared/types/hotline'
import type { HotlineCallLinkRow } from '../../db/schema'
import type { EligibilityConfig } from '../../../shared/domain/eligibility'
import { applicationDraftFromCall, applyBodyFromCall, screeningFromCall } from '../../../shared/domain/hotline/carry-over'
import { sensitiveKindsIn } from '../../../shared/domain/applications/sensitive'
import { applyBody } from '../../../shared/schemas/applications'
import type { ScreeningInput } from '../../../shared/schemas/eligibility'
import { screenEligibility } from '../eligibility/service'
import { submitApplication } from '../legal-aid/service'
import { yearReference } from '../platform/reference'

/** The booking service's dependencies (callbacks are booked through it) and the request's hashed address for the audit. */
export type HotlineDeps = AppointmentDeps & { ipHash?: string | null }
/** Screening and applying from the call also need the eligibility engine's configuration (the public questionnaire's). */
export type HotlineFromCallDeps = HotlineDeps & { screeningConfig: (now: Date) => Promise<EligibilityConfig> }
export const PAGE_SIZE = 20

const callAad = (id: string) => `hotline_calls:${id}:caller_phone`
const CALL_NOT_FOUND = () => new DomainError('CALL_NOT_FOUND')
const CALLBACK_NOT_FOUND = () => new DomainError('CALLBACK_NOT_FOUND')

const CALL_RESTRICTED = () => new DomainError('CALL_RESTRICTED')
const STALE_EDIT = (currentVersion: number) => new DomainError('STALE_EDIT', { currentVersion })
const OUTCOME_UNKNOWN = () => new DomainError('OUTCOME_UNKNOWN')

/** Whether the record's personal details are for this staff member (家庭暴力: only the staff handling it). */
function mayOpen(r: Pick<repo.CallListRow, 'call' | 'callback'>, actor: ActorRef): boolean {
  return !rules.isRestrictedTopic(r.call.topic) || rules.isHandler(actor.id, r.call.operatorId, r.callback?.completedBy ?? null)
}

function toItem(r: repo.CallListRow, actor: ActorRef): HotlineCallItemDto {
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
      ? { id: r.callback.id, reference: r.callback.reference, windowStartsAt: r.windowStartsAt.toISOString(), windowEndsAt: r.windowEndsAt.toISOString(), slotNo: r.callback.slotNo, status: cb.callbackStatusOf(r.callback.status) }
      : null,
  }
}

export async function logCall(deps: HotlineDeps, body: LogCallBody, actor: ActorRef): Promise<HotlineCallDto> {
  const ipHash = deps.ipHash ?? null
  rules.checkOutcome(body)
  const now = deps.now()
  const { cipher, lookup } = deps.crypto
  const callId = randomUUID()
  const phone = body.callerPhone
  let refused: Refusal | null = null
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
    // The callback is booked in a savepoint: a full or closed window refuses the booking but keeps
    // the call record (its outcome still asks for a callback; the console offers another window).
    refused = await bookInSavepoint(tx, deps, actor, { callId, phone, topic: body.topic, slotId: body.callbackWindowId }, ipHash)
  })
  if (refused) {
    const call = await repo.findCall(deps.db, callId)
    throw new DomainError(refused, { callId, reference: call!.call.reference, callSaved: true })
  }
  const row = await repo.findCall(deps.db, callId)
  return toDetail(row!, actor, [])
}

function toDetail(r: NonNullable<Awaited<ReturnType<typeof repo.findCall>>>, actor: ActorRef, links: HotlineCallLinkRow[]): HotlineCallDto {
  return {
    ...toItem(r, actor),
    summary: r.call.summary,
    servicePoint: r.call.referredServicePointId ? { id: r.call.referredServicePointId, name: r.servicePointName ?? '' } : null,
    links: links.map(l => ({ kind: l.kind, reference: l.reference, createdAt: l.createdAt.toISOString() })),
  }
}

/** Refusals of the booking service that keep the call record (the console offers another window). */
type Refusal = 'WINDOW_FULL' | 'WINDOW_CLOSED' | 'PHONE_ALREADY_BOOKED' | 'TOO_MANY_BOOKINGS'
const REFUSALS: Record<string, Refusal> = {
  SLOT_FULL: 'WINDOW_FULL', SLOT_CLOSED: 'WINDOW_CLOSED', PHONE_ALREADY_BOOKED: 'PHONE_ALREADY_BOOKED', TOO_MANY_BOOKINGS: 'TOO_MANY_BOOKINGS',
  appointments_phone_day_key: 'PHONE_ALREADY_BOOKED', appointment_slots_booked_check: 'WINDOW_FULL', appointments_slot_place_key: 'WINDOW_FULL',
}

/**
 * Books the callback through the booking service (channel hotline_callback, the lowest free place)
 * inside a savepoint; returns the refusal instead of throwing it, so the call record is kept.
 * An unknown window is thrown (400 WINDOW_NOT_FOUND) and the whole call rolls back.
 */
async function bookInSavepoint(tx: Tx, deps: HotlineDeps, actor: ActorRef, b: { callId: string, phone: string, topic: string, slotId: string }, ipHash: string | null): Promise<Refusal | null> {
  try {
    await tx.transaction(async (sp) => {
      const booked = await bookCallbackInTransaction({ ...deps, tx: sp }, { slotId: b.slotId, phone: b.phone, topic: b.topic, callId: b.callId }, actor)
      await writeAudit(sp, { actor, action: 'callback.book', objectType: 'appointment', objectId: booked.appointment.id, ipHash, detail: { callId: b.callId, slotId: b.slotId, slotNo: booked.appointment.slotNo } })
    })
    return null
  } catch (e) {
    if (e instanceof DomainError && e.code === 'SLOT_NOT_FOUND') throw new DomainError('WINDOW_NOT_FOUND')
    const refusal = e instanceof DomainError ? REFUSALS[e.code] : REFUSALS[pgErrorOf(e)?.constraint ?? '']
    if (refusal) return refusal
    throw e
  }
}

/** Books a callback for a call already logged (e.g. after its first window was full). */
export async function bookCallbackForCall(deps: HotlineDeps, input: { callId: string, slotId: string }, actor: ActorRef): Promise<HotlineCallDto> {
  const { callId, slotId } = input
  const ipHash = deps.ipHash ?? null
  const now = deps.now()
  const refused = await deps.db.transaction(async (tx) => {
    const r = await repo.findCall(tx, callId)
    if (!r) throw CALL_NOT_FOUND()
    if (!mayOpen(r, actor)) throw CALL_RESTRICTED()
    if (!r.call.callerPhoneEnc) throw new DomainError('CALLBACK_PHONE_REQUIRED')
    if (await repo.activeCallbackOfCall(tx, callId)) throw new DomainError('CALLBACK_EXISTS')
    if (r.call.outcome !== 'callback_booked') {
      await repo.updateCallVersioned(tx, callId, r.call.version, { outcome: 'callback_booked', referredServicePointId: null, updatedBy: actor.id }, now)
    }
    const phone = deps.crypto.cipher.decrypt(r.call.callerPhoneEnc, callAad(callId))
    return bookInSavepoint(tx, deps, actor, { callId, phone, topic: r.call.topic, slotId }, ipHash)
  })
  if (refused) throw new DomainError(refused)
  const row = await repo.findCall(deps.db, callId)
  return toDetail(row!, actor, await repo.listCallLinks(deps.db, callId))
}

/**
 * Books a walk-in visit, an online consultation or a callback for the caller, from the call record:
 * the caller's phone (decrypted from the call, never retyped nor sent by the browser) and the call's
 * topic carry over; the booking goes through the one booking service (same limits, texts and
 * rating) and is linked to the call in the same transaction (hotline_call.link).
 */
export async function bookForCall(deps: HotlineDeps, input: BookForCallBody & { callId: string }, actor: ActorRef): Promise<HotlineCallDto> {
  const { callId, ...body } = input
  const ipHash = deps.ipHash ?? null
  await deps.db.transaction(async (tx) => {
    const r = await repo.findCall(tx, callId)
    if (!r) throw CALL_NOT_FOUND()
    if (!mayOpen(r, actor)) throw CALL_RESTRICTED()
    if (!r.call.callerPhoneEnc) throw new DomainError('CALLBACK_PHONE_REQUIRED', undefined, '这次来电没有留下号码，无法为来电人预约')
    const phone = deps.crypto.cipher.decrypt(r.call.callerPhoneEnc, callAad(callId))
    const booked = await bookInTransaction({ ...deps, tx }, { slotId: body.slotId, phone, topic: r.call.topic, name: body.name || null, callId }, actor)
    await addCallLink(tx, { now: deps.now, ipHash }, { callId, kind: 'booking', reference: booked.appointment.reference }, actor)
  })
  const row = await repo.findCall(deps.db, callId)
  return toDetail(row!, actor, await repo.listCallLinks(deps.db, callId))
}

export async function listCalls(deps: HotlineDeps, input: { page: number }, actor: ActorRef): Promise<HotlineCallPageDto> {
  const { page } = input
  const ipHash = deps.ipHash ?? null
  return deps.db.transaction(async (tx) => {
    const { rows, total } = await repo.listCalls(tx, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    await writeAudit(tx, { actor, action: 'hotline_call.list', objectType: 'hotline_call', ipHash, detail: { page, count: rows.length } })
    return { items: rows.map(r => toItem(r, actor)), page, pageSize: PAGE_SIZE, total }
  })
}

export async function openCall(deps: HotlineDeps, input: { id: string }, actor: ActorRef): Promise<HotlineCallDto> {
  const { id } = input
  const ipHash = deps.ipHash ?? null
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
export async function updateCall(deps: HotlineDeps, input: UpdateCallBody & { id: string }, actor: ActorRef): Promise<HotlineCallDto> {
  const { id, ...body } = input
  const ipHash = deps.ipHash ?? null
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

/**
 * 关联: an operator links, by the reference typed in, a screening, application or booking that was
 * done for this caller (e.g. on the site, or on another call). The reference must name a record of
 * the chosen kind (LINK_REFERENCE_NOT_FOUND, LINK_KIND_MISMATCH naming the kind it is) and not be
 * linked to the call already (LINK_EXISTS); audited hotline_call.link in the same transaction.
 */
export async function linkCall(deps: HotlineDeps, input: CallLinkBody & { id: string }, actor: ActorRef): Promise<void> {
  const { id, kind, reference } = input
  await deps.db.transaction(async (tx) => {
    await openableCall(tx, id, actor)
    const kinds = await repo.referenceKinds(tx, reference)
    if (!kinds.includes(kind)) {
      const actual = kinds[0]
      if (!actual) throw new DomainError('LINK_REFERENCE_NOT_FOUND')
      throw new DomainError('LINK_KIND_MISMATCH', { kind: actual }, `这个编号是${CALL_LINK_LABELS[actual]}的编号，不是${CALL_LINK_LABELS[kind]}的编号：请改选类型后再关联`)
    }
    if (!await addCallLink(tx, { ...deps, ipHash: deps.ipHash ?? null }, { callId: id, kind, reference }, actor)) throw new DomainError('LINK_EXISTS')
  })
}

/** Links, in the caller's transaction, what was just started from the call (its reference is known to exist); false when already linked. */
async function addCallLink(tx: DbOrTx, deps: { now: () => Date, ipHash: string | null }, link: { callId: string, kind: CallLinkKind, reference: string }, actor: ActorRef): Promise<boolean> {
  const added = await repo.insertCallLink(tx, { callId: link.callId, kind: link.kind, reference: link.reference, createdBy: actor.id, createdAt: deps.now() })
  if (added) await writeAudit(tx, { actor, action: 'hotline_call.link', objectType: 'hotline_call', objectId: link.callId, ipHash: deps.ipHash, detail: { kind: link.kind, reference: link.reference } })
  return added
}

/** Callback windows (slots of channel hotline_callback) of the next two weeks that have not begun, with free places. */
export async function listWindows(deps: HotlineDeps): Promise<CallbackWindowDto[]> {
  return (await listCallbackSlots(deps)).map(s => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, capacity: s.capacity, free: s.free }))
}

/** Whether the callback's personal details are for this staff member (家庭暴力: only the staff handling it). */
function mayOpenCallback(r: repo.QueueRow, assigneeId: string | null, actor: ActorRef): boolean {
  return !rules.isRestrictedTopic(r.topic) || rules.isHandler(actor.id, r.operatorId, assigneeId ?? r.callback.completedBy)
}

/**
 * One day's callbacks by due time (the window's start), whoever booked them (an operator during a
 * call, or the resident on the site), each with its SLA state, attempts and assignee. Masked; audited.
 */
export async function callbackQueue(deps: HotlineDeps, input: { date: string | undefined }, actor: ActorRef): Promise<CallbackQueueItemDto[]> {
  const { date } = input
  const ipHash = deps.ipHash ?? null
  const day = date ?? shanghaiDay(deps.now())
  const { start, end } = shanghaiDayRange(day)
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const rows = await repo.listCallbacksBetween(tx, start, end)
    const ids = rows.map(r => r.callback.id)
    const attempts = await repo.attemptsOf(tx, ids) // in turn: one transaction is one connection
    const assignments = await repo.assignmentsOf(tx, ids)
    await writeAudit(tx, { actor, action: 'callback.list', objectType: 'appointment', ipHash, detail: { date: day, count: rows.length } })
    return rows.map((r) => {
      const assigned = assignments.find(a => a.callbackId === r.callback.id)
      const status = cb.callbackStatusOf(r.callback.status)
      const window = { startsAt: r.startsAt, endsAt: r.endsAt }
      return {
        id: r.callback.id,
        reference: r.callback.reference,
        callId: r.callback.callId,
        callReference: r.callReference,
        topic: r.topic,
        windowStartsAt: r.startsAt.toISOString(),
        windowEndsAt: r.endsAt.toISOString(),
        slotNo: r.callback.slotNo,
        status,
        phoneMasked: mayOpenCallback(r, assigned?.operatorId ?? null, actor) ? r.callback.phoneMasked : '（受保护）',
        sla: cb.slaState(status, window, now),
        attempts: attempts.filter(a => a.callbackId === r.callback.id).map(a => ({ attemptNo: a.attemptNo, result: a.result, at: a.at.toISOString() })),
        assignee: assigned ? { id: assigned.operatorId, name: assigned.operatorName } : null,
        mine: (assigned?.operatorId ?? r.operatorId) === actor.id,
        safeToCallBack: r.safeToCallBack ?? true,
        discreet: r.discreet ?? false,
        interpreter: (r.interpreter ?? 'none') as CallbackQueueItemDto['interpreter'],
        urgent: r.urgent ?? false,
      }
    })
  })
}

/**
 * Records one try at a callback. At most three: the third failed try closes it as missed (no_show),
 * a completed call closes it as done (completed: the booking service sends the rating link); rules
 * in ./callbacks.ts. A caller flagged unsafe is tried only inside the window they chose. The
 * appointment row is locked, so two operators cannot both record attempt 2; the unique
 * (callback, number) index is the backstop.
 */
export async function recordAttempt(deps: HotlineDeps, input: { id: string, result: cb.AttemptResult }, actor: ActorRef): Promise<{ status: string, attemptNo: number }> {
  const { id, result } = input
  const ipHash = deps.ipHash ?? null
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const r = await repo.lockCallbackForAttempt(tx, id)
    if (!r) throw CALLBACK_NOT_FOUND()
    const status = cb.callbackStatusOf(r.callback.status)
    const previous = await repo.countAttempts(tx, id)
    if (status !== 'booked') throw new DomainError(status !== 'cancelled' && previous >= cb.MAX_ATTEMPTS ? 'ATTEMPTS_EXHAUSTED' : 'CALLBACK_NOT_OPEN')
    cb.assertMayCallNow(r.safeToCallBack ?? true, { startsAt: r.startsAt, endsAt: r.endsAt }, now)
    const plan = cb.planAttempt(previous, result)
    await repo.insertAttempt(tx, { callbackId: id, attemptNo: plan.attemptNo, result, at: now, by: actor.id })
    if (plan.close) await recordOutcomeInTransaction({ ...deps, tx }, { id, status: cb.CLOSING_OUTCOME[plan.close] }, actor)
    await writeAudit(tx, { actor, action: 'callback.attempt', objectType: 'appointment', objectId: id, ipHash, detail: { attemptNo: plan.attemptNo, result, closed: plan.close } })
    return { status: plan.close ?? status, attemptNo: plan.attemptNo }
  })
}

/** Hands a callback to another operator (active accounts with the operator role only). */
export async function reassignCallback(deps: HotlineDeps, input: { id: string, operatorId: string }, actor: ActorRef): Promise<void> {
  const { id, operatorId } = input
  const ipHash = deps.ipHash ?? null
  await deps.db.transaction(async (tx) => {
    const r = await repo.lockCallbackForAttempt(tx, id)
    if (!r) throw CALLBACK_NOT_FOUND()
    rules.assertClosable(cb.callbackStatusOf(r.callback.status))
    if (!(await repo.activeOperators(tx)).some(o => o.id === operatorId)) throw new DomainError('OPERATOR_NOT_FOUND')
    await repo.upsertAssignment(tx, { callbackId: id, operatorId, assignedBy: actor.id, assignedAt: deps.now() })
    await writeAudit(tx, { actor, action: 'callback.reassign', objectType: 'appointment', objectId: id, ipHash, detail: { operatorId } })
  })
}

export async function listOperators(deps: Pick<HotlineDeps, 'db'>): Promise<Array<{ id: string, name: string }>> {
  return (await repo.activeOperators(deps.db)).map(o => ({ id: o.id, name: o.displayName || o.username }))
}

/** The full number for dialing: its own audited action (callback.reveal), with the purpose stated. */
export async function revealCallback(deps: HotlineDeps, input: { id: string, purpose: string }, actor: ActorRef): Promise<CallbackRevealDto> {
  const { id, purpose } = input
  const r = await repo.lockCallbackForAttempt(deps.db, id)
  if (!r) throw CALLBACK_NOT_FOUND()
  const [assigned] = await repo.assignmentsOf(deps.db, [id])
  if (!mayOpenCallback(r, assigned?.operatorId ?? null, actor)) throw CALL_RESTRICTED()
  // Not even the number for a caller who may only be called inside their window, outside it.
  if (cb.callbackStatusOf(r.callback.status) === 'booked') cb.assertMayCallNow(r.safeToCallBack ?? true, { startsAt: r.startsAt, endsAt: r.endsAt }, deps.now())
  return { phone: await revealCallbackPhone(deps, { id, purpose }, actor) }
}

// ---- 处理结果 codes (data; admins edit them) ----

export async function listOutcomeCodes(deps: Pick<HotlineDeps, 'db'>): Promise<OutcomeCodeDto[]> {
  const rows = await repo.listOutcomeCodes(deps.db)
  return rows.map(r => ({ code: r.code, label: r.label, needsFollowUp: r.needsFollowUp, closesCall: r.closesCall, active: r.active, system: r.system, position: r.position }))
}

/** Adds a code or edits one; a system code cannot be switched off (the console's rules use it). */
export async function saveOutcomeCode(deps: Pick<HotlineDeps, 'db' | 'now' | 'ipHash'>, body: OutcomeCodeBody, actor: ActorRef): Promise<OutcomeCodeDto> {
  const ipHash = deps.ipHash ?? null
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
export async function exportCalls(deps: Pick<HotlineDeps, 'db' | 'ipHash'>, range: DayRangeQuery, actor: ActorRef): Promise<string> {
  const ipHash = deps.ipHash ?? null
  const from = shanghaiDayRange(range.from).start
  const to = shanghaiDayRange(range.to).end
  return deps.db.transaction(async (tx) => {
    const rows = await repo.callsForExport(tx, from, to)
    await writeAudit(tx, { actor, action: 'hotline_call.export', objectType: 'hotline_call', ipHash, detail: { from: range.from, to: range.to, rows: rows.length } })
    return callsCsv(rows)
  })
}

// ---- from the call, in one place: screening and application on the caller's behalf ----

const screeningAad = (id: string) => `hotline_call_screenings:${id}:answers`

async function openableCall(tx: DbOrTx, id: string, actor: ActorRef) {
  const r = await repo.findCall(tx, id)
  if (!r) throw CALL_NOT_FOUND()
  if (!mayOpen(r, actor)) throw CALL_RESTRICTED()
  return r
}

function toScreeningDto(deps: HotlineDeps, row: NonNullable<Awaited<ReturnType<typeof repo.findCallScreening>>>): CallScreeningDto {
  return {
    reference: row.reference,
    createdAt: row.createdAt.toISOString(),
    outcome: row.outcome as CallScreeningDto['outcome'],
    ruleVersion: row.ruleVersion,
    answers: JSON.parse(deps.crypto.cipher.decrypt(row.answersEnc, screeningAad(row.id))) as ScreeningInput,
  }
}

/**
 * The eligibility screening run by the operator on the caller's behalf, with the public
 * questionnaire's engine and rules (eligibility service: the same anonymous daily count). The
 * answers are recorded on the call (encrypted), the screening is linked on the call by its
 * reference (hotline_call.link) and audited (hotline_call.screen), all in one transaction.
 */
export async function screenForCall(deps: HotlineFromCallDeps, input: ScreeningInput & { callId: string }, actor: ActorRef): Promise<ScreenForCallDto> {
  const { callId, ...answers } = input
  const ipHash = deps.ipHash ?? null
  await openableCall(deps.db, callId, actor) // refuse before the engine runs or anything is counted
  const result = await screenEligibility({ db: deps.db, now: deps.now, screeningConfig: deps.screeningConfig }, answers)
  const now = deps.now()
  const id = randomUUID()
  const row = await deps.db.transaction(async (tx) => {
    await openableCall(tx, callId, actor)
    const inserted = await repo.insertCallScreening(tx, {
      id, callId, reference: yearReference('SC', now), answersEnc: deps.crypto.cipher.encrypt(JSON.stringify(answers), screeningAad(id)),
      outcome: result.outcome, ruleVersion: result.ruleVersion, createdBy: actor.id, createdAt: now,
    })
    await writeAudit(tx, { actor, action: 'hotline_call.screen', objectType: 'hotline_call', objectId: callId, ipHash, detail: { reference: inserted.reference, outcome: result.outcome, ruleVersion: result.ruleVersion, matter: answers.matter ?? null } })
    await addCallLink(tx, { now: deps.now, ipHash }, { callId, kind: 'screening', reference: inserted.reference }, actor)
    return inserted
  })
  const call = await repo.findCall(deps.db, callId)
  return { call: toDetail(call!, actor, await repo.listCallLinks(deps.db, callId)), screening: toScreeningDto(deps, row), result }
}

/**
 * What the console prefills from the call: the screening input the call already answers, the
 * answers of its latest screening, the call's summary as the account of the matter. Reading the
 * recorded answers is audited (hotline_call.read, part carry_over).
 */
export async function callCarryOver(deps: HotlineDeps, input: { callId: string }, actor: ActorRef): Promise<CallCarryOverDto> {
  const { callId } = input
  return deps.db.transaction(async (tx) => {
    const r = await openableCall(tx, callId, actor)
    const row = await repo.findCallScreening(tx, callId)
    const screening = row ? toScreeningDto(deps, row) : null
    await writeAudit(tx, { actor, action: 'hotline_call.read', objectType: 'hotline_call', objectId: callId, ipHash: deps.ipHash ?? null, detail: { part: 'carry_over', screening: row?.reference ?? null } })
    return {
      callId,
      callReference: r.call.reference,
      callerPhoneMasked: r.call.callerPhoneMasked,
      screeningPrefill: screening?.answers ?? screeningFromCall(r.call),
      screening,
      matterSummary: applicationDraftFromCall(r.call).matterSummary,
      sensitiveKinds: screening ? sensitiveKindsIn(screening.answers) : [],
    }
  })
}

/**
 * Starts a legal-aid application for the caller from the call: the phone given on the call
 * (decrypted here, never sent by the browser) and the answers of the call's screening carry over;
 * the operator adds name, ID number and address. The body is checked by the public application's
 * own schema and submitted through the legal-aid service (re-screened with the rules in force,
 * the operator as actor), then linked on the call, in one transaction.
 */
export async function applyForCall(deps: HotlineFromCallDeps, input: ApplyFromCallBody & { callId: string }, actor: ActorRef): Promise<ApplyForCallDto> {
  const { callId, screeningReference, ...form } = input
  const ipHash = deps.ipHash ?? null
  const created = await deps.db.transaction(async (tx) => {
    const r = await openableCall(tx, callId, actor)
    if (!r.call.callerPhoneEnc) throw new DomainError('CALLER_PHONE_MISSING')
    const row = await repo.findCallScreening(tx, callId, screeningReference)
    if (!row) throw new DomainError(screeningReference ? 'SCREENING_NOT_FOUND' : 'SCREENING_REQUIRED')
    const answers = toScreeningDto(deps, row).answers
    const phone = deps.crypto.cipher.decrypt(r.call.callerPhoneEnc, callAad(callId))
    const body = applyBody.parse(applyBodyFromCall({ phone, screening: answers, form }))
    const app = await submitApplication({ db: tx, crypto: deps.crypto, now: deps.now, screeningConfig: deps.screeningConfig, ipHash }, body, actor)
    await writeAudit(tx, { actor, action: 'hotline_call.apply', objectType: 'hotline_call', objectId: callId, ipHash, detail: { reference: app.reference, screening: row.reference } })
    await addCallLink(tx, { now: deps.now, ipHash }, { callId, kind: 'application', reference: app.reference }, actor)
    return app
  })
  const call = await repo.findCall(deps.db, callId)
  return { call: toDetail(call!, actor, await repo.listCallLinks(deps.db, callId)), application: created }
}

// ---- caller history ------------------------------------------------------------------------------

/** Application matters that count as 家庭暴力 (the screening's matter code). */
const RESTRICTED_MATTERS = new Set(['abuse_or_domestic_violence'])

/**
 * Caller history for the 12348 console: everything the portal holds for one phone number (calls,
 * appointments, legal-aid applications), found through the keyed phone hash, masked, each look-up
 * audited with its stated purpose in the same transaction as the read. Records of 家庭暴力 matters
 * are shown only to the staff handling them (反家庭暴力法第十四条; 个人信息保护法第二十八条: sensitive
 * personal information); the others see how many were withheld.
 */
export async function lookupCaller(deps: HotlineDeps, body: CallerLookupBody, actor: ActorRef): Promise<CallerHistoryDto> {
  const ipHash = deps.ipHash ?? null
  const hash = deps.crypto.lookup(body.phone, 'phone')
  return deps.db.transaction(async (tx) => {
    // One after another: a transaction is one connection, and pg refuses overlapping queries on one client.
    const calls = await repo.callsByPhoneHash(tx, hash)
    const appts = await repo.appointmentsByPhoneHash(tx, hash)
    const apps = await repo.applicationsByPhoneHash(tx, hash)
    const shownCalls = calls.filter(c => mayOpen(c, actor))
    const shownAppts = appts.filter(a => !rules.isRestrictedTopic(a.topic))
    const handles = (a: typeof apps[number]) => [a.decidedBy, a.assignedBy, a.materialsRequestedBy].includes(actor.id)
    const shownApps = apps.filter(a => !RESTRICTED_MATTERS.has(a.matter ?? '') || handles(a))
    const withheld = (calls.length - shownCalls.length) + (appts.length - shownAppts.length) + (apps.length - shownApps.length)
    await writeAudit(tx, {
      actor, action: 'caller.lookup', objectType: 'caller', purpose: body.purpose, ipHash,
      detail: { calls: shownCalls.length, appointments: shownAppts.length, applications: shownApps.length, withheld },
    })
    return {
      calls: shownCalls.map(c => ({
        id: c.call.id, reference: c.call.reference, startedAt: c.call.startedAt.toISOString(), topic: c.call.topic,
        outcomeLabel: c.outcomeLabel, callerPhoneMasked: c.call.callerPhoneMasked, operatorName: c.operatorName,
        mine: c.call.operatorId === actor.id, urgent: c.call.urgent, safeToCallBack: c.call.safeToCallBack, discreet: c.call.discreet,
        callbackStatus: c.callback ? cb.callbackStatusOf(c.callback.status) : null,
      })),
      appointments: shownAppts.map(a => ({
        reference: a.reference, channel: a.channel, startsAt: a.startsAt.toISOString(), status: a.status, topic: a.topic,
        nameMasked: a.name ? maskName(a.name) : '（未留姓名）', phoneMasked: a.phoneMasked,
      })),
      applications: shownApps.map(a => ({ reference: a.reference, status: a.status, receivedDate: a.receivedDate, nameMasked: a.nameMasked })),
      withheld,
    }
  })
}
