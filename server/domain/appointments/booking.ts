/**
 * The one booking service for walk-in visits, online consultations and 12348 callbacks.
 *
 * Booking takes, in one transaction and always in this order (so transactions cannot deadlock):
 *   1. the Idempotency-Key lock (a repeated request returns the first booking),
 *   2. the client-address lock (public bookings: at most N an hour from one address),
 *   3. the phone lock (one active booking per phone and day, at most three in all),
 *      (1-3 are advisory locks taken in one statement; PGlite, which runs one transaction at a
 *      time, needs none)
 *   4. the slot row (SELECT … FOR UPDATE, read with everything the rules need in one statement:
 *      its point, the earlier request with the same key, the phone's and the address's bookings),
 * then, in one statement, `booked = booked + 1 WHERE booked < capacity`, the appointment on the
 * lowest free place and its confirmation text; last its audit row (one statement; the chain head
 * is locked until commit). The database's CHECK booked <= capacity and the unique (slot, place)
 * index back it up. Fifty people racing for one place queue on the slot row: one gets it, 49 get
 * 409 SLOT_FULL, none is refused by the hoarding limits (those count each person's own bookings).
 * On PostgreSQL bookAppointment sends BEGIN + locks + context together, then booking + audit row +
 * COMMIT together (server/db/pipeline.ts): two round trips for a booking, two for a refusal
 * (context, then ROLLBACK), and the audit chain's head is held for the server's work only.
 * bench/booking-profile.ts counts them; bench/booking.ts measures the throughput.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { Db, Tx } from '../../db/client'
import { pgErrorOf } from '../../db/client'
import { pipelinedTransaction } from '../../db/pipeline'
import type { AppointmentChannel, AppointmentRow, AppointmentSlotRow } from '../../db/schema'
import { writeAudit } from '../../repositories/audit'
import type { ActorRef } from '../platform/actor'
import * as repo from '../../repositories/appointments'
import { enqueueNotification, type NewNotification } from '../../repositories/notifications'
import type { PersonalDataCrypto } from '../crypto/aead'
import { shanghaiDay } from '../../../shared/time/calendar'
import { bookingErrors as E } from './errors'
import { appointmentReference } from './rules'
import { texts, type TextInput } from './texts'
import { maskPhone } from '../../../shared/domain/applications/mask'
import type { AppointmentDto } from '../../../shared/types/appointments'

export interface BookingLimits {
  /** Public bookings from one client address per rolling hour. */
  perAddressPerHour: number
  /** Active (future) bookings per phone. */
  perPhoneActive: number
  /** How long a waitlist offer is held for the person to confirm. */
  holdMinutes: number
}
export const DEFAULT_LIMITS: BookingLimits = { perAddressPerHour: 10, perPhoneActive: 3, holdMinutes: 120 }

export interface AppointmentDeps {
  db: Db
  crypto: PersonalDataCrypto
  now: () => Date
  limits?: Partial<BookingLimits>
  /** Origin for links in texts ('' = relative links). */
  siteUrl?: string
  /** The request's hashed address, for the audit (and the public look-up limit). */
  ipHash?: string | null
}

/** A public use case that proves ownership by reference + phone: the look-up limit needs the address. */
export type PublicAppointmentDeps = AppointmentDeps & { ipHash: string }

export const limitsOf = (deps: AppointmentDeps): BookingLimits => ({ ...DEFAULT_LIMITS, ...deps.limits })

export const phoneAad = (id: string) => `appointments:${id}:phone`
export const tokenAad = (id: string) => `appointments:${id}:manage`
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url')
export const newToken = () => randomBytes(24).toString('base64url')
export const managePath = (token: string) => `/appointments/manage/${token}`

export function linkOf(deps: AppointmentDeps, path: string): string {
  return `${deps.siteUrl ?? ''}${path}`
}

export function manageTokenOf(deps: AppointmentDeps, a: AppointmentRow): string | null {
  return a.manageTokenEnc ? deps.crypto.cipher.decrypt(a.manageTokenEnc, tokenAad(a.id)) : null
}

export function decryptPhone(deps: AppointmentDeps, a: Pick<AppointmentRow, 'id' | 'phoneEnc' | 'phoneAad'>): string {
  return deps.crypto.cipher.decrypt(a.phoneEnc, a.phoneAad ?? phoneAad(a.id))
}

export function toDto(deps: AppointmentDeps, r: { appointment: AppointmentRow, slot: repo.BookingSlot, point: repo.BookingPoint | null }, now: Date, manageToken?: string): AppointmentDto {
  const token = manageToken ?? manageTokenOf(deps, r.appointment)
  return {
    reference: r.appointment.reference,
    status: r.appointment.status,
    channel: r.slot.channel,
    startsAt: r.slot.startsAt.toISOString(),
    endsAt: r.slot.endsAt.toISOString(),
    topic: r.appointment.topic,
    servicePoint: r.point
      ? { id: r.point.id, name: r.point.name, address: r.point.address, phone: r.point.phone, openingHours: r.point.openingHours }
      : null,
    manageUrl: token ? linkOf(deps, managePath(token)) : '',
    heldUntil: r.appointment.heldUntil?.toISOString() ?? null,
    changeable: (r.appointment.status === 'booked' || r.appointment.status === 'held') && r.slot.startsAt.getTime() > now.getTime(),
  }
}

export function textInput(deps: AppointmentDeps, a: Pick<AppointmentRow, 'topic' | 'reference'>, slot: Pick<AppointmentSlotRow, 'channel' | 'startsAt' | 'endsAt'>, placeName: string | null, token: string | null): TextInput {
  return {
    topic: a.topic, channel: slot.channel, startsAt: slot.startsAt, endsAt: slot.endsAt, reference: a.reference, placeName,
    link: token ? linkOf(deps, managePath(token)) : null,
  }
}

/** An outbox row for a text to the appointment's phone (encrypted: it may carry the private link). */
export function textRow(deps: AppointmentDeps, appointmentId: string, kind: NewNotification['kind'], body: string, dedupeKey: string, dueAt: Date): NewNotification {
  return { kind, appointmentId, dedupeKey, dueAt, bodyEnc: deps.crypto.cipher.encrypt(body, `notification_outbox:${dedupeKey}`) }
}

/** Queues a text for the appointment's phone (encrypted: it may carry the private link). */
export async function queueText(tx: Tx | Db, deps: AppointmentDeps, appointmentId: string, kind: NewNotification['kind'], body: string, dedupeKey: string, dueAt: Date): Promise<void> {
  await enqueueNotification(tx, textRow(deps, appointmentId, kind, body, dedupeKey, dueAt))
}

/** Retries a transaction that PostgreSQL aborted for a deadlock or a serialization failure. */
export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return retried(() => db.transaction(fn))
}

async function retried<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (e) {
      const code = pgErrorOf(e)?.code
      if ((code === '40P01' || code === '40001') && attempt < 4) continue
      throw e
    }
  }
}

export interface BookInput {
  slotId: string
  name?: string | null
  phone: string
  topic: string
  note?: string | null
  /** Public bookings: the hashed client address (the per-address limit applies). */
  ipHash?: string | null
  idempotencyKey?: string
  /** The 12348 call this callback was booked from. */
  callId?: string
  /** Expected channel (the slot must be of it), e.g. 'hotline_callback' from the hotline console. */
  channel?: AppointmentChannel
}

export interface BookResult { appointment: AppointmentRow, slot: repo.BookingSlot, point: repo.BookingPoint | null, manageToken: string, replayed: boolean }

function requestFingerprint(deps: AppointmentDeps, i: BookInput): string {
  return deps.crypto.lookup(JSON.stringify([i.slotId, i.name ?? '', i.phone, i.topic, i.note ?? '']), 'booking-request')
}

function mapConstraint(e: unknown): unknown {
  const pg = pgErrorOf(e)
  if (pg?.code === '23505' && pg.constraint === 'appointments_phone_day_key') return E.PHONE_ALREADY_BOOKED()
  if (pg?.code === '23514' && pg.constraint === 'appointment_slots_booked_check') return E.SLOT_FULL()
  // takePlaceAndInsert found no place to take (its slot_no is NULL): the slot filled or closed.
  if (pg?.code === '23502' && /slot_no/.test(pg.message ?? '')) return E.SLOT_FULL()
  return e
}

interface BookingPlan {
  now: Date
  limits: BookingLimits
  phoneHash: string
  idemKey: string | null
  fingerprint: string | null
  addressLimited: boolean
  locks: string[]
}

function planOf(deps: AppointmentDeps, input: BookInput, actor: ActorRef | null): BookingPlan {
  const { lookup } = deps.crypto
  const phoneHash = lookup(input.phone, 'phone')
  const idemKey = input.idempotencyKey ? lookup(input.idempotencyKey, 'idempotency-key') : null
  const addressLimited = Boolean(!actor && input.ipHash)
  const locks: string[] = []
  if (idemKey) locks.push(`booking:idem:${idemKey}`)
  if (addressLimited) locks.push(`booking:ip:${input.ipHash}`)
  locks.push(`booking:phone:${phoneHash}`)
  return { now: deps.now(), limits: limitsOf(deps), phoneHash, idemKey, fingerprint: idemKey ? requestFingerprint(deps, input) : null, addressLimited, locks }
}

/**
 * The locks (1-3, in one statement) and, behind them, the slot row with everything the rules need
 * (4), issued together: the context's snapshot is taken after the locks, so it sees every booking
 * of this key, phone and address. `concurrent` false (PGlite: one transaction at a time) skips
 * the advisory locks, which there order nothing.
 */
async function lockAndRead(tx: Tx, input: BookInput, plan: BookingPlan, concurrent: boolean): Promise<repo.BookingContext | undefined> {
  const locked = concurrent ? repo.advisoryLocksInOneStatement(tx, plan.locks) : null
  const context = repo.bookingContext(tx, {
    slotId: input.slotId, idempotencyKey: plan.idemKey, phoneHash: plan.phoneHash, ipHash: plan.addressLimited ? input.ipHash! : null,
    since: new Date(plan.now.getTime() - 3600_000), now: plan.now,
  })
  const [, ctx] = await Promise.all([locked, context])
  return ctx
}

type Decision =
  | { kind: 'replay', earlierId: string }
  | { kind: 'book', slot: repo.BookingSlot, point: repo.BookingPoint | null, row: repo.NewBooking, text: NewNotification, token: string }

/** The rules, on the locked context: a replay, a refusal (thrown), or the rows to write. */
function decide(deps: AppointmentDeps, input: BookInput, actor: ActorRef | null, plan: BookingPlan, ctx: repo.BookingContext | undefined, earlierId: string | null): Decision {
  if (earlierId) return { kind: 'replay', earlierId }
  if (!ctx || (input.channel && ctx.slot.channel !== input.channel)) throw E.SLOT_NOT_FOUND()
  const { slot, point } = ctx
  const { now, limits } = plan
  if (slot.withdrawnAt || slot.startsAt.getTime() <= now.getTime()) throw E.SLOT_CLOSED()
  const day = shanghaiDay(slot.startsAt)

  if (plan.addressLimited && ctx.fromAddress >= limits.perAddressPerHour) throw E.TOO_MANY_BOOKINGS('address')
  if (ctx.phoneDays.includes(day)) throw E.PHONE_ALREADY_BOOKED()
  if (ctx.phoneDays.length >= limits.perPhoneActive) throw E.TOO_MANY_BOOKINGS('phone')

  // The slot row is locked and current: a full slot is refused here without writing anything.
  if (slot.booked >= slot.capacity) throw E.SLOT_FULL()
  const { cipher } = deps.crypto
  const id = randomUUID()
  const token = newToken()
  const reference = appointmentReference(now)
  const text = texts.confirmation(textInput(deps, { topic: input.topic, reference }, slot, point?.name ?? null, token))
  return {
    kind: 'book',
    slot,
    point,
    token,
    text: textRow(deps, id, 'confirmation', text, `confirmation:${id}`, now),
    row: {
      id,
      reference,
      slotId: slot.id,
      slotDay: day,
      channel: slot.channel,
      name: input.name ?? null,
      phoneEnc: cipher.encrypt(input.phone, phoneAad(id)),
      phoneHash: plan.phoneHash,
      phoneMasked: maskPhone(input.phone),
      topic: input.topic,
      note: input.note ?? null,
      status: 'booked',
      manageTokenHash: hashToken(token),
      manageTokenEnc: cipher.encrypt(token, tokenAad(id)),
      idempotencyKey: plan.idemKey,
      requestHash: plan.fingerprint,
      ipHash: input.ipHash ?? null,
      bookedBy: actor?.id ?? null,
      callId: input.callId ?? null,
    },
  }
}

/**
 * The writes, sent together: in one statement `booked = booked + 1 WHERE booked < capacity`, the
 * booking on the lowest free place and its confirmation text; behind it the audit row (one
 * statement; its place number read from the booking just written). The audit chain's head is
 * locked last, so it is held only until commit. Both are sent before this returns (pipelinedTransaction).
 */
function write(tx: Tx, plan: BookingPlan, actor: ActorRef | null, d: Extract<Decision, { kind: 'book' }>): [Promise<AppointmentRow>, Promise<void>] {
  return [
    repo.takePlaceAndInsert(tx, d.row, plan.now, d.text),
    writeAudit(tx, {
      actor: actor ? { id: actor.id, role: actor.role } : null, action: 'appointment.book', objectType: 'appointment', objectId: d.row.id, ipHash: d.row.ipHash ?? null,
      detail: { slotId: d.slot.id, channel: d.slot.channel, onBehalf: Boolean(actor) },
    }, { key: 'slotNo', value: repo.placeNumberOf(d.row.id) }),
  ]
}

async function replay(tx: Tx | Db, deps: AppointmentDeps, plan: BookingPlan, earlierId: string): Promise<BookResult> {
  const earlier = (await repo.findById(tx, earlierId))!
  if (earlier.appointment.requestHash !== plan.fingerprint) throw E.IDEMPOTENCY_KEY_REUSED()
  return { appointment: earlier.appointment, slot: earlier.slot, point: earlier.point, manageToken: manageTokenOf(deps, earlier.appointment) ?? '', replayed: true }
}

async function earlierOf(tx: Tx, plan: BookingPlan, ctx: repo.BookingContext | undefined): Promise<string | null> {
  if (ctx) return ctx.earlierId
  return plan.idemKey ? (await repo.findByIdempotencyKey(tx, plan.idemKey))?.id ?? null : null
}

/**
 * Books inside the caller's transaction (the hotline console logs the call and books its callback
 * in one transaction). Throws SLOT_NOT_FOUND, SLOT_CLOSED, SLOT_FULL, PHONE_ALREADY_BOOKED,
 * TOO_MANY_BOOKINGS, IDEMPOTENCY_KEY_REUSED.
 */
export async function bookInTransaction(deps: AppointmentDeps & { tx: Tx }, input: BookInput, actor?: ActorRef): Promise<BookResult> {
  const { tx } = deps
  const who = actor ?? null
  const plan = planOf(deps, input, who)
  const ctx = await lockAndRead(tx, input, plan, true)
  const d = decide(deps, input, who, plan, ctx, await earlierOf(tx, plan, ctx))
  if (d.kind === 'replay') return replay(tx, deps, plan, d.earlierId)
  const [inserted, audited] = write(tx, plan, who, d)
  // The booking's own error first (the audit statement behind a failed one only reports the abort).
  const [a, b] = await Promise.allSettled([inserted, audited])
  if (a.status === 'rejected') throw a.reason
  if (b.status === 'rejected') throw b.reason
  return { appointment: a.value, slot: d.slot, point: d.point, manageToken: d.token, replayed: false }
}

/**
 * Public and staff booking (staff: `actor` set, no per-address limit). Two round trips on
 * PostgreSQL: BEGIN + locks + context, then booking + audit row + COMMIT (server/db/pipeline.ts).
 */
export async function bookAppointment(deps: AppointmentDeps, input: BookInput, actor: ActorRef | null = null): Promise<{ dto: AppointmentDto, replayed: boolean }> {
  let result: BookResult
  try {
    result = await retried(() => pipelinedTransaction(deps.db, async ({ tx, concurrent, commitWith }) => {
      const plan = planOf(deps, input, actor)
      const ctx = await lockAndRead(tx, input, plan, concurrent)
      const d = decide(deps, input, actor, plan, ctx, await earlierOf(tx, plan, ctx))
      if (d.kind === 'replay') return replay(tx, deps, plan, d.earlierId)
      const [appointment] = await commitWith(() => write(tx, plan, actor, d))
      return { appointment, slot: d.slot, point: d.point, manageToken: d.token, replayed: false }
    }))
  } catch (e) {
    throw mapConstraint(e)
  }
  // The rows the transaction wrote and read are the DTO's (no second read after commit).
  return { dto: toDto(deps, { appointment: result.appointment, slot: result.slot, point: result.point }, deps.now(), result.manageToken || undefined), replayed: result.replayed }
}
