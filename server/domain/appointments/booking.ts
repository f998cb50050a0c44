/**
 * The one booking service for walk-in visits, online consultations and 12348 callbacks.
 *
 * A booking attempt is ONE statement, book_appointment (server/db/migrations/0019_create_booking_function.sql,
 * as 0020 changed it),
 * on its own (its own transaction: one round trip on PostgreSQL) or inside the caller's transaction.
 * In it, always in this order (so bookings cannot deadlock):
 *   1. advisory locks: the Idempotency-Key (a repeated request returns the first booking), the client
 *      address (public bookings: at most N an hour from one address), the phone (one active booking
 *      per phone and day, at most three in all); PGlite, which runs one transaction at a time, needs none;
 *   2. the slot row with its point, read without a lock; each later read takes a fresh snapshot, so
 *      it sees every booking committed before the locks were granted;
 *   3. the limits and a free place: a refusal ends here, having locked no row and written nothing;
 *      an attempt that saw a free place locks the slot row (FOR UPDATE: its latest version) and
 *      checks again (closed, full), then `booked + 1`, the booking on the
 *      lowest free place, its confirmation text (outbox) and its audit row on the hash chain (the
 *      head locked last, held until the commit right behind it).
 * Everything secret or keyed is written here in JavaScript before the statement is sent (encrypted
 * phone, token and text; keyed hashes; the audit link's parts): the key never reaches the database.
 * The database's CHECK booked <= capacity and the unique (slot, place) index back it up. Fifty
 * people racing for one place: those who read it free queue on the slot row and the first takes it,
 * the rest get 409 SLOT_FULL; none is refused by the hoarding limits (those count each person's own bookings).
 * bench/booking-profile.ts counts statements; bench/booking.ts measures the throughput.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { Db, DbOrTx, Tx } from '../../db/client'
import { pgErrorOf } from '../../db/client'
import { runsConcurrently } from '../../db/raw'
import type { AppointmentChannel, AppointmentRow, AppointmentSlotRow } from '../../db/schema'
import { auditLinkParts } from '../../repositories/audit'
import type { DomainError } from '../errors'
import type { ActorRef } from '../platform/actor'
import * as repo from '../../repositories/appointments'
import { enqueueNotification, type NewNotification } from '../../repositories/notifications'
import type { PersonalDataCrypto } from '../crypto/aead'
import { shanghaiDay } from '../../../shared/time/calendar'
import { bookingErrors as E } from './errors'
import { appointmentReference } from './rules'
import { texts, type TextInput } from './texts'
import { maskPhone } from '../../../shared/domain/applications/mask'
import { openingHoursInWeekOrder } from '../../../shared/domain/appointments/service-points'
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
      ? { id: r.point.id, name: r.point.name, address: r.point.address, phone: r.point.phone, openingHours: openingHoursInWeekOrder(r.point.openingHours) }
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
  // book_appointment found no free place number (the counter and the bookings disagreed): full.
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
 * What a confirmation text and the booking's day are written from: the slot's channel, times and
 * point name. They are written before the booking is sent (the statement does the rest), from the
 * facts last seen of the slot; book_appointment compares them with the locked slot and answers
 * 'stale' when they differ (a renamed point) or are unknown (a slot not seen yet), and the attempt
 * is written again from the facts it sent back. Per process, at most FACTS_MAX slots.
 */
interface SlotFacts { channel: AppointmentChannel, startsAt: Date, endsAt: Date, pointName: string | null, slotDay: string }
const FACTS_MAX = 20_000
const slotFacts = new Map<string, SlotFacts>()

function rememberFacts(slot: repo.BookingSlot, point: repo.BookingPoint | null): void {
  if (!slotFacts.has(slot.id) && slotFacts.size >= FACTS_MAX) slotFacts.delete(slotFacts.keys().next().value!)
  slotFacts.set(slot.id, { channel: slot.channel, startsAt: slot.startsAt, endsAt: slot.endsAt, pointName: point?.name ?? null, slotDay: shanghaiDay(slot.startsAt) })
}

const REFUSALS: Partial<Record<repo.BookStatus, () => DomainError>> = {
  SLOT_NOT_FOUND: E.SLOT_NOT_FOUND,
  SLOT_CLOSED: E.SLOT_CLOSED,
  TOO_MANY_BOOKINGS_ADDRESS: () => E.TOO_MANY_BOOKINGS('address'),
  PHONE_ALREADY_BOOKED: E.PHONE_ALREADY_BOOKED,
  TOO_MANY_BOOKINGS_PHONE: () => E.TOO_MANY_BOOKINGS('phone'),
  SLOT_FULL: E.SLOT_FULL,
}

async function replay(db: DbOrTx, deps: AppointmentDeps, plan: BookingPlan, earlierId: string): Promise<BookResult> {
  const earlier = (await repo.findById(db, earlierId))!
  if (earlier.appointment.requestHash !== plan.fingerprint) throw E.IDEMPOTENCY_KEY_REUSED()
  return { appointment: earlier.appointment, slot: earlier.slot, point: earlier.point, manageToken: manageTokenOf(deps, earlier.appointment) ?? '', replayed: true }
}

/**
 * One booking attempt: the rows are written here (ids, token, reference, encrypted phone, token
 * and text, the audit link's parts), the database decides and writes in one statement
 * (repo.bookInOneStatement, one round trip) and answers a status mapped here to the catalogue's
 * refusals. `db` is a database handle (the statement is its own transaction) or the caller's
 * transaction. A slot not seen before costs a second statement ('stale', see SlotFacts).
 */
async function bookOnce(db: DbOrTx, deps: AppointmentDeps, input: BookInput, actor: ActorRef | null): Promise<BookResult> {
  const plan = planOf(deps, input, actor)
  const { cipher } = deps.crypto
  const id = randomUUID()
  const token = newToken()
  const reference = appointmentReference(plan.now)
  const ipHash = input.ipHash ?? null
  const fixed = {
    id, reference, slotId: input.slotId, name: input.name ?? null,
    phoneEnc: cipher.encrypt(input.phone, phoneAad(id)), phoneHash: plan.phoneHash, phoneMasked: maskPhone(input.phone),
    topic: input.topic, note: input.note ?? null, status: 'booked' as const,
    manageTokenHash: hashToken(token), manageTokenEnc: cipher.encrypt(token, tokenAad(id)),
    idempotencyKey: plan.idemKey, requestHash: plan.fingerprint, ipHash, bookedBy: actor?.id ?? null, callId: input.callId ?? null,
  }
  const locks = runsConcurrently(db) ? plan.locks : null
  for (let written = 0; written < 3; written++) {
    const seen = slotFacts.get(input.slotId) ?? null
    const row: repo.NewBooking = { ...fixed, slotDay: seen?.slotDay ?? '', channel: seen?.channel ?? input.channel ?? 'walk_in' }
    const text = seen && textRow(deps, id, 'confirmation', texts.confirmation(textInput(deps, { topic: input.topic, reference }, seen, seen.pointName, token)), `confirmation:${id}`, plan.now)
    const audit = auditLinkParts({
      actor: actor ? { id: actor.id, role: actor.role } : null, action: 'appointment.book', objectType: 'appointment', objectId: id, ipHash,
      detail: { slotId: input.slotId, channel: row.channel, onBehalf: Boolean(actor) },
    }, 'slotNo')
    const answer = await repo.bookInOneStatement(db, {
      now: plan.now, channel: input.channel ?? null, locks,
      limitIp: plan.addressLimited ? ipHash : null, since: new Date(plan.now.getTime() - 3600_000),
      perAddress: plan.limits.perAddressPerHour, perPhone: plan.limits.perPhoneActive,
      seen, row, text: text || null, audit,
    })
    if (answer.slot) rememberFacts(answer.slot, answer.point)
    if (answer.status === 'ok') {
      const createdAt = answer.createdAt!
      return {
        appointment: {
          ...row, slotNo: answer.slotNo!, createdAt, updatedAt: createdAt,
          phoneAad: null, heldUntil: null, cancelledAt: null, checkedInAt: null, completedAt: null, completedBy: null, reminderQueuedAt: null,
        },
        slot: answer.slot!, point: answer.point, manageToken: token, replayed: false,
      }
    }
    if (answer.status === 'replay') return replay(db, deps, plan, answer.earlierId!)
    const refusal = REFUSALS[answer.status]
    if (refusal) throw refusal()
  }
  throw new Error('book_appointment: the slot changed under three attempts in a row')
}

/**
 * Books inside the caller's transaction, `deps.tx` (the hotline console logs the call and books its
 * callback in one transaction). Throws SLOT_NOT_FOUND, SLOT_CLOSED, SLOT_FULL, PHONE_ALREADY_BOOKED,
 * TOO_MANY_BOOKINGS, IDEMPOTENCY_KEY_REUSED.
 */
export async function bookInTransaction(deps: AppointmentDeps & { tx: Tx }, input: BookInput, actor?: ActorRef): Promise<BookResult> {
  try {
    return await bookOnce(deps.tx, deps, input, actor ?? null)
  } catch (e) {
    throw mapConstraint(e)
  }
}

/**
 * Public and staff booking (staff: `actor` set, no per-address limit): one statement, its own
 * transaction — one round trip on PostgreSQL (two for a slot this process has not booked yet).
 */
export async function bookAppointment(deps: AppointmentDeps, input: BookInput, actor: ActorRef | null = null): Promise<{ dto: AppointmentDto, replayed: boolean }> {
  let result: BookResult
  try {
    result = await retried(() => bookOnce(deps.db, deps, input, actor))
  } catch (e) {
    throw mapConstraint(e)
  }
  // The rows the statement wrote and read are the DTO's (no second read after commit).
  return { dto: toDto(deps, { appointment: result.appointment, slot: result.slot, point: result.point }, deps.now(), result.manageToken || undefined), replayed: result.replayed }
}
