// The booking service against a real database (PGlite; PostgreSQL too with TEST_DATABASE_URL):
// capacity under contention (public, staff, two app instances), idempotency, hoarding limits,
// atomic reschedule, bad input.
import { randomBytes } from 'node:crypto'
import { and, eq, ne } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type DbHandle } from '~~/server/db/client'
import { appointments, appointmentSlots, auditLog, notificationOutbox, servicePoints } from '~~/server/db/schema'
import { verifyAuditChain } from '~~/server/domain/audit/verify'
import { personalDataCrypto } from '~~/server/domain/crypto/aead'
import type { DomainError } from '~~/server/domain/errors'
import * as svc from '~~/server/domain/appointments/service'
import { insertStaffIfAbsent } from '~~/server/repositories/staff'
import { bookAppointmentBody } from '#shared/schemas/appointments'
import { addDays, atShanghai, shanghaiDay } from '#shared/time/calendar'
import { drivers, freshDb, type TestDb } from '../../../helpers/db'
import { newPhone } from '../../../helpers/phones'
import type { ActorRef } from '~~/server/domain/platform/actor'

const key = randomBytes(32)
const HOUR = 3600_000


describe.each(drivers())('booking service on %s', (driver) => {
  let t: TestDb
  let deps: svc.AppointmentDeps
  let pointId: string
  let staff: ActorRef
  let slotSeq = 0

  /** A slot `days` ahead (distinct start each call), `capacity` places. */
  async function slot(capacity: number, opts: { days?: number, hours?: number, channel?: 'walk_in' | 'online' | 'hotline_callback' } = {}) {
    const channel = opts.channel ?? 'walk_in'
    // 09:00 Shanghai time `days` ahead (+ hours, + a minute per call): never across a Shanghai midnight.
    const startsAt = new Date(atShanghai(addDays(shanghaiDay(new Date()), opts.days ?? 2), '09:00').getTime() + (opts.hours ?? 0) * HOUR + ++slotSeq * 60_000)
    const [s] = await t.db.insert(appointmentSlots).values({ channel, servicePointId: channel === 'walk_in' ? pointId : null, startsAt, endsAt: new Date(startsAt.getTime() + HOUR), capacity }).returning()
    return s!
  }
  const input = (slotId: string, extra: Partial<svc.BookInput> = {}): svc.BookInput => ({
    ...bookAppointmentBody.parse({ slotId, name: '张三丰', phone: newPhone(), topic: '劳动争议', note: '工地欠薪三个月。' }), ipHash: 'ip-a', ...extra,
  })
  const codeOf = (r: PromiseSettledResult<unknown>) => r.status === 'rejected' ? ((r.reason as DomainError).code ?? String(r.reason)) : 'ok'
  const active = async (slotId: string) => (await t.db.select().from(appointments).where(and(eq(appointments.slotId, slotId), ne(appointments.status, 'cancelled')))).length
  const bookedCounter = async (slotId: string) => (await t.db.select().from(appointmentSlots).where(eq(appointmentSlots.id, slotId)))[0]!.booked
  /** Every booking of the slot has its audit row (with its place) and its confirmation text, and the audit chain holds. */
  async function writesAreWhole(slotId: string, onBehalf: boolean | null) {
    const rows = await t.db.select().from(appointments).where(eq(appointments.slotId, slotId))
    for (const r of rows) {
      const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'appointment.book'), eq(auditLog.objectId, r.id)))
      expect(audit).toHaveLength(1)
      expect(audit[0]!.detail).toMatchObject({ slotId, slotNo: r.slotNo, channel: r.channel })
      if (onBehalf !== null) expect(audit[0]!.detail).toMatchObject({ onBehalf })
      const texts = await t.db.select().from(notificationOutbox).where(and(eq(notificationOutbox.appointmentId, r.id), eq(notificationOutbox.kind, 'confirmation')))
      expect(texts).toHaveLength(1)
    }
    expect(new Set(rows.map(r => r.slotNo)).size).toBe(rows.length)
    const chain = await verifyAuditChain(t.db)
    expect(chain.firstBreak).toBeNull()
    expect(chain.ok).toBe(true)
  }

  beforeAll(async () => {
    t = await freshDb(driver)
    deps = { db: t.db, crypto: personalDataCrypto(key), now: () => new Date() }
    const [p] = await t.db.insert(servicePoints).values({ code: `t-${randomBytes(3).toString('hex')}`, level: 'county', name: '贺兰县公共法律服务中心（测试）', county: 'helan', address: '贺兰县测试路 1 号' }).returning()
    pointId = p!.id
    const u = await insertStaffIfAbsent(t.db, { username: `op.${randomBytes(3).toString('hex')}`, role: 'operator', displayName: '坐席', passwordHash: 'x' })
    staff = { id: u!.id, role: 'operator' }
  })
  afterAll(async () => { await t?.drop() })

  it('the database refuses booked > capacity, a second place number, a second active booking of a phone on a day', async () => {
    const s = await slot(1)
    await expect(t.db.update(appointmentSlots).set({ booked: 2 }).where(eq(appointmentSlots.id, s.id))).rejects.toThrow()
    const a = await svc.bookAppointment(deps, input(s.id))
    expect(a.dto.status).toBe('booked')
    const [row] = await t.db.select().from(appointments).where(eq(appointments.reference, a.dto.reference))
    const copy = { ...row!, id: undefined, reference: `YY-2026-${randomBytes(3).toString('hex')}`, manageTokenHash: null, idempotencyKey: null }
    await expect(t.db.insert(appointments).values(copy)).rejects.toThrow() // same slot place, same phone+day
    await expect(t.db.insert(appointments).values({ ...copy, slotNo: 2 })).rejects.toThrow() // same phone+day
  })

  for (const capacity of [1, 3]) {
    it(`50 people race for a ${capacity}-place slot through the public path: exactly ${capacity} booked, the rest SLOT_FULL, none refused by the limits`, async () => {
      const s = await slot(capacity)
      // All from one client address: the per-address limit counts bookings made, not attempts.
      const results = await Promise.allSettled(Array.from({ length: 50 }, () => svc.bookAppointment(deps, input(s.id, { ipHash: `race-${s.id}` }))))
      const codes = results.map(codeOf)
      expect(codes.filter(c => c === 'ok')).toHaveLength(capacity)
      expect(codes.filter(c => c === 'SLOT_FULL')).toHaveLength(50 - capacity)
      expect(await active(s.id)).toBe(capacity)
      expect(await bookedCounter(s.id)).toBe(capacity)
      await writesAreWhole(s.id, false)
    })

    it(`50 bookings on behalf of callers race for a ${capacity}-place slot through the staff path: exactly ${capacity}`, async () => {
      const s = await slot(capacity)
      const results = await Promise.allSettled(Array.from({ length: 50 }, () => svc.bookAppointment(deps, input(s.id, { ipHash: 'staff-desk' }), staff)))
      const codes = results.map(codeOf)
      expect(codes.filter(c => c === 'ok')).toHaveLength(capacity)
      expect(codes.filter(c => c === 'SLOT_FULL')).toHaveLength(50 - capacity)
      expect(await active(s.id)).toBe(capacity)
      const rows = await t.db.select().from(appointments).where(eq(appointments.slotId, s.id))
      expect(rows.every(r => r.bookedBy === staff.id)).toBe(true)
      await writesAreWhole(s.id, true)
    })
  }

  it.runIf(driver === 'pg')('two app instances on one PostgreSQL: 50 bookings split across both, 1-place and 3-place slots', async () => {
    const second: DbHandle = await openDb({ databaseUrl: t.url!, poolMax: 8 })
    try {
      const deps2: svc.AppointmentDeps = { ...deps, db: second.db }
      for (const capacity of [1, 3]) {
        const s = await slot(capacity)
        const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => svc.bookAppointment(i % 2 ? deps : deps2, input(s.id, { ipHash: `ip-${i}` }), i % 3 ? null : staff)))
        const codes = results.map(codeOf)
        expect(codes.filter(c => c === 'ok')).toHaveLength(capacity)
        expect(codes.filter(c => c === 'SLOT_FULL')).toHaveLength(50 - capacity)
        expect(await active(s.id)).toBe(capacity)
        await writesAreWhole(s.id, null)
      }
    } finally {
      await second.close()
    }
  })

  it('the same Idempotency-Key sent 10 times at once makes one booking; reused with other content → 409', async () => {
    const s = await slot(5)
    const body = input(s.id, { idempotencyKey: `idem-${randomBytes(8).toString('hex')}` })
    const results = await Promise.all(Array.from({ length: 10 }, () => svc.bookAppointment(deps, body)))
    expect(new Set(results.map(r => r.dto.reference)).size).toBe(1)
    expect(results.filter(r => !r.replayed)).toHaveLength(1)
    expect(new Set(results.map(r => r.dto.manageUrl)).size).toBe(1)
    expect(await active(s.id)).toBe(1)
    await expect(svc.bookAppointment(deps, { ...body, topic: '工伤' })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' })
  })

  it('the confirmation text and the answer name the service point as it is when booking: a point renamed between two bookings of one slot', async () => {
    const [p] = await t.db.insert(servicePoints).values({ code: `r-${randomBytes(3).toString('hex')}`, level: 'township', name: '旧名司法所（测试）', county: 'helan', address: '旧址' }).returning()
    const startsAt = new Date(atShanghai(addDays(shanghaiDay(new Date()), 4), '10:00').getTime() + ++slotSeq * 60_000)
    const [s] = await t.db.insert(appointmentSlots).values({ channel: 'walk_in', servicePointId: p!.id, startsAt, endsAt: new Date(startsAt.getTime() + HOUR), capacity: 3 }).returning()
    const textOf = async (reference: string) => {
      const [a] = await t.db.select().from(appointments).where(eq(appointments.reference, reference))
      const [n] = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.appointmentId, a!.id))
      return deps.crypto.cipher.decrypt(n!.bodyEnc, `notification_outbox:${n!.dedupeKey}`)
    }
    const first = await svc.bookAppointment(deps, input(s!.id))
    expect(first.dto.servicePoint?.name).toBe('旧名司法所（测试）')
    expect(await textOf(first.dto.reference)).toContain('旧名司法所（测试）')
    await t.db.update(servicePoints).set({ name: '新名司法所（测试）', address: '新址' }).where(eq(servicePoints.id, p!.id))
    const second = await svc.bookAppointment(deps, input(s!.id))
    expect(second.dto.servicePoint).toMatchObject({ name: '新名司法所（测试）', address: '新址' })
    const text = await textOf(second.dto.reference)
    expect(text).toContain('新名司法所（测试）')
    expect(text).not.toContain('旧名')
    await writesAreWhole(s!.id, false)
  })

  it('hoarding: one active booking per phone and day, three in all; ten an hour from one address; staff are not address-limited', async () => {
    const phone = newPhone()
    const s1 = await slot(3, { days: 3 })
    const s1b = await slot(3, { days: 3 })
    await svc.bookAppointment(deps, input(s1.id, { phone, ipHash: 'hoard-1' }))
    await expect(svc.bookAppointment(deps, input(s1b.id, { phone, ipHash: 'hoard-2' }))).rejects.toMatchObject({ code: 'PHONE_ALREADY_BOOKED', kind: 'conflict' })
    await svc.bookAppointment(deps, input((await slot(3, { days: 4 })).id, { phone, ipHash: 'hoard-3' }))
    await svc.bookAppointment(deps, input((await slot(3, { days: 5 })).id, { phone, ipHash: 'hoard-4' }))
    const fourth = svc.bookAppointment(deps, input((await slot(3, { days: 6 })).id, { phone, ipHash: 'hoard-5' }))
    await expect(fourth).rejects.toMatchObject({ code: 'TOO_MANY_BOOKINGS', kind: 'too_many' })
    await expect(fourth.catch(e => e.message)).resolves.toContain('12348')

    const big = await slot(30, { days: 7 })
    for (let i = 0; i < 10; i++) await svc.bookAppointment(deps, input(big.id, { ipHash: 'one-address' }))
    const eleventh = svc.bookAppointment(deps, input(big.id, { ipHash: 'one-address' }))
    await expect(eleventh).rejects.toMatchObject({ code: 'TOO_MANY_BOOKINGS', details: { reason: 'address' } })
    await svc.bookAppointment(deps, input(big.id, { ipHash: 'one-address' }), staff)
    const limited = { ...deps, limits: { perAddressPerHour: 20 } }
    await svc.bookAppointment(limited, input(big.id, { ipHash: 'one-address' }))
  })

  it('bad input is refused before the database: fullwidth digits are normalised, huge notes and NUL bytes refused; unknown and past slots → SLOT_NOT_FOUND / SLOT_CLOSED', async () => {
    const s = await slot(2)
    const ok = bookAppointmentBody.parse({ slotId: s.id, name: '李四', phone: '１３９ １２３４ ５６７８', topic: '工伤' })
    expect(ok.phone).toBe('13912345678')
    expect(bookAppointmentBody.parse({ slotId: s.id, name: '李四', phone: '+86 139-1234-5678', topic: '工伤' }).phone).toBe('13912345678')
    expect(bookAppointmentBody.safeParse({ slotId: s.id, name: '李四', phone: '139', topic: '工伤' }).success).toBe(false)
    expect(bookAppointmentBody.safeParse({ slotId: s.id, name: '李四', phone: ok.phone, topic: '工伤', note: 'x'.repeat(100_000) }).success).toBe(false)
    expect(bookAppointmentBody.safeParse({ slotId: s.id, name: '李四', phone: ok.phone, topic: '工伤', note: 'a\u0000b' }).success).toBe(false)
    expect(bookAppointmentBody.safeParse({ slotId: s.id, name: '李\u0000四', phone: ok.phone, topic: '工伤' }).success).toBe(false)
    await expect(svc.bookAppointment(deps, input('00000000-0000-4000-8000-000000000000'))).rejects.toMatchObject({ code: 'SLOT_NOT_FOUND' })
    const past = await slot(2, { days: -1 })
    await expect(svc.bookAppointment(deps, input(past.id))).rejects.toMatchObject({ code: 'SLOT_CLOSED' })
    await t.db.update(appointmentSlots).set({ withdrawnAt: new Date() }).where(eq(appointmentSlots.id, s.id))
    await expect(svc.bookAppointment(deps, input(s.id))).rejects.toMatchObject({ code: 'SLOT_CLOSED' })
  })

  it('stores the phone encrypted with a keyed hash and a mask, the manage token only hashed (and encrypted)', async () => {
    const s = await slot(2)
    const phone = newPhone()
    const { dto } = await svc.bookAppointment(deps, input(s.id, { phone }))
    expect(dto.manageUrl).toMatch(/^\/appointments\/manage\/[A-Za-z0-9_-]{32}$/)
    const token = dto.manageUrl.split('/').pop()!
    const [row] = await t.db.select().from(appointments).where(eq(appointments.reference, dto.reference))
    expect(JSON.stringify(row)).not.toContain(phone)
    expect(JSON.stringify(row)).not.toContain(token)
    expect(row!.phoneHash).toBe(deps.crypto.lookup(phone, 'phone'))
    expect((await svc.viewBooking(deps, token)).reference).toBe(dto.reference)
    await expect(svc.viewBooking(deps, 'A'.repeat(32))).rejects.toMatchObject({ code: 'MANAGE_LINK_INVALID' })
    expect(JSON.stringify(await t.db.select().from(auditLog))).not.toContain(phone)
  })

  it('reschedule is atomic: the new place is taken before the old is freed; under contention nobody gets a place twice', async () => {
    for (let round = 0; round < 3; round++) {
      const a = await slot(1, { days: 8 + round })
      const b = await slot(1, { days: 8 + round, hours: 2 })
      const mine = await svc.bookAppointment(deps, input(a.id))
      const token = mine.dto.manageUrl.split('/').pop()!
      const results = await Promise.allSettled([
        svc.rescheduleBooking(deps, { token, slotId: b.id }),
        ...Array.from({ length: 20 }, () => svc.bookAppointment(deps, input(b.id, { ipHash: `r-${randomBytes(4).toString('hex')}` }))),
        ...Array.from({ length: 5 }, () => svc.bookAppointment(deps, input(a.id, { ipHash: `r-${randomBytes(4).toString('hex')}` }))),
      ])
      expect(results.map(codeOf).every(c => c === 'ok' || c === 'SLOT_FULL')).toBe(true)
      const moved = results[0]!.status === 'fulfilled'
      expect(await active(b.id)).toBe(1)
      expect(await bookedCounter(b.id)).toBe(1)
      expect(await active(a.id)).toBe(1) // either still mine, or taken by someone once I left
      expect(await bookedCounter(a.id)).toBe(1)
      const now = await svc.viewBooking(deps, token)
      expect(new Date(now.startsAt).getTime()).toBe((moved ? b : a).startsAt.getTime())
    }
  })

  it('reschedule refuses a full slot and leaves the booking where it was; cancel frees the place', async () => {
    const a = await slot(1, { days: 12 })
    const full = await slot(1, { days: 12, hours: 3 })
    await svc.bookAppointment(deps, input(full.id))
    const mine = await svc.bookAppointment(deps, input(a.id))
    const token = mine.dto.manageUrl.split('/').pop()!
    await expect(svc.rescheduleBooking(deps, { token, slotId: full.id })).rejects.toMatchObject({ code: 'SLOT_FULL' })
    expect((await svc.viewBooking(deps, token)).startsAt).toBe(a.startsAt.toISOString())
    expect(await bookedCounter(a.id)).toBe(1)
    const cancelled = await svc.cancelBooking(deps, token)
    expect(cancelled.status).toBe('cancelled')
    expect(await bookedCounter(a.id)).toBe(0)
    await expect(svc.cancelBooking(deps, token)).rejects.toMatchObject({ code: 'APPOINTMENT_NOT_CANCELLABLE' })
  })
})
