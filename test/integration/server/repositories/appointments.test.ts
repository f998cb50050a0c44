import { randomBytes } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appointments, appointmentSlots, auditLog, servicePoints } from '../../../../server/db/schema'
import { personalDataCrypto } from '../../../../server/domain/crypto/aead'
import type { DomainError } from '../../../../server/domain/errors'
import * as svc from '../../../../server/domain/appointments/service'
import { insertStaffIfAbsent } from '../../../../server/repositories/staff'
import { bookAppointmentBody } from '../../../../shared/schemas/appointments'
import { drivers, freshDb, type TestDb } from '../../helpers/db'
import { personalValuesIn } from '../../../helpers/personal-data'

const key = randomBytes(32)
const PHONE = '13912345678'
const HOUR = 3600_000
const IP = 'ip-hash-test'

describe.each(drivers())('appointments on %s', (driver) => {
  let t: TestDb
  let deps: svc.AppointmentDeps
  let pointId: string

  async function slot(capacity: number, startsInHours = 24, channel: 'walk_in' | 'online' = 'walk_in') {
    const startsAt = new Date(Date.now() + startsInHours * HOUR + Math.floor(Math.random() * 1e6))
    const [s] = await t.db.insert(appointmentSlots).values({ channel, servicePointId: channel === 'walk_in' ? pointId : null, startsAt, endsAt: new Date(startsAt.getTime() + HOUR), capacity }).returning()
    return s!
  }
  const book = (slotId: string, phone = PHONE) => svc.bookAppointment(deps, bookAppointmentBody.parse({ slotId, name: '张三丰', phone, topic: '劳动争议', note: '工地欠薪三个月。' }), IP)
  const codeOf = (r: PromiseSettledResult<unknown>) => r.status === 'rejected' ? (r.reason as DomainError).code : 'ok'

  beforeAll(async () => {
    t = await freshDb(driver)
    deps = { db: t.db, crypto: personalDataCrypto(key), now: () => new Date() }
    const [p] = await t.db.insert(servicePoints).values({ code: `t-${randomBytes(3).toString('hex')}`, level: 'county', name: '贺兰县公共法律服务中心（测试）', county: 'helan', address: '贺兰县测试路 1 号', openingHours: { 周一至周五: '09:00-12:00' } }).returning()
    pointId = p!.id
  })
  afterAll(async () => { await t?.drop() })

  it('the database refuses a walk-in slot without a point, a bad period, capacity 0 and a plaintext phone', async () => {
    const s = new Date(Date.now() + 99 * HOUR)
    await expect(t.db.insert(appointmentSlots).values({ channel: 'walk_in', startsAt: s, endsAt: new Date(s.getTime() + HOUR), capacity: 1 })).rejects.toThrow()
    await expect(t.db.insert(appointmentSlots).values({ channel: 'online', startsAt: s, endsAt: s, capacity: 1 })).rejects.toThrow()
    await expect(t.db.insert(appointmentSlots).values({ channel: 'online', startsAt: s, endsAt: new Date(s.getTime() + HOUR), capacity: 0 })).rejects.toThrow()
    await expect(t.db.insert(appointmentSlots).values({ channel: 'video' as 'online', startsAt: s, endsAt: new Date(s.getTime() + HOUR), capacity: 1 })).rejects.toThrow()
    const ok = await slot(1)
    await expect(t.db.insert(appointments).values({ reference: 'YY-T-1', slotId: ok.id, slotNo: 1, name: '李四', phoneEnc: PHONE, phoneHash: 'h', phoneMasked: 'm', topic: '工伤' })).rejects.toThrow()
  })

  it('stores the phone encrypted with a keyed hash and a mask; books the lowest free place; a cancelled place is free again', async () => {
    const s = await slot(3)
    const a1 = await book(s.id)
    expect(a1.reference).toMatch(/^YY-\d{4}-[2-9A-HJ-NP-Z]{6}$/)
    expect(a1.servicePoint?.address).toBe('贺兰县测试路 1 号')
    const [row] = await t.db.select().from(appointments).where(eq(appointments.reference, a1.reference))
    expect(row!.phoneEnc).toMatch(/^enc:v1:/)
    expect(row!.phoneHash).toBe(deps.crypto.lookup(PHONE, 'phone'))
    expect(row!.phoneMasked).toBe('139****5678')
    expect(personalValuesIn(row, [PHONE])).toEqual([])
    expect(deps.crypto.cipher.decrypt(row!.phoneEnc, `appointments:${row!.id}:phone`)).toBe(PHONE)

    const a2 = await book(s.id, '13800001111')
    const cancelled = await svc.cancelAppointment(deps, { reference: a1.reference, phone: PHONE }, IP)
    expect(cancelled.status).toBe('cancelled')
    await expect(svc.cancelAppointment(deps, { reference: a1.reference, phone: PHONE }, IP)).rejects.toMatchObject({ code: 'APPOINTMENT_NOT_CANCELLABLE' })
    const a3 = await book(s.id, '13800002222')
    const places = await t.db.select({ r: appointments.reference, n: appointments.slotNo }).from(appointments).where(and(eq(appointments.slotId, s.id), sql`${appointments.status} <> 'cancelled'`))
    expect(Object.fromEntries(places.map(p => [p.r, p.n]))).toEqual({ [a2.reference]: 2, [a3.reference]: 1 })
  })

  it('never books the last place twice: 20 parallel bookings for 3 places → 3 booked, 17 SLOT_FULL', async () => {
    const s = await slot(3)
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => book(s.id, `1380000${String(1000 + i)}`)))
    const codes = results.map(codeOf)
    expect(codes.filter(c => c === 'ok')).toHaveLength(3)
    expect(codes.filter(c => c === 'SLOT_FULL')).toHaveLength(17)
    const rows = await t.db.select().from(appointments).where(eq(appointments.slotId, s.id))
    expect(rows.map(r => r.slotNo).sort()).toEqual([1, 2, 3])
    const listed = await svc.listSlots(deps, { channel: 'walk_in', servicePointId: pointId })
    expect(listed.some(x => x.id === s.id)).toBe(false)
  })

  it('refuses a slot that has begun and an unknown slot; lists only future slots with free places', async () => {
    const past = await slot(2, -1)
    await expect(book(past.id)).rejects.toMatchObject({ code: 'SLOT_CLOSED' })
    await expect(book('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'SLOT_NOT_FOUND' })
    const online = await slot(5, 30, 'online')
    await book(online.id)
    const listed = await svc.listSlots(deps, { channel: 'online' })
    expect(listed.find(x => x.id === online.id)).toMatchObject({ free: 4, capacity: 5, servicePointId: null })
    expect(listed.some(x => x.id === past.id)).toBe(false)
    expect(personalValuesIn(listed, [PHONE, '139****5678', '张三丰'])).toEqual([])
  })

  it('look-up answers the same for a wrong reference and a wrong phone, and limits failed attempts', async () => {
    const s = await slot(2)
    const a = await book(s.id)
    expect((await svc.lookupAppointment(deps, { reference: a.reference, phone: PHONE }, IP)).status).toBe('booked')
    const ip = `ip-${randomBytes(4).toString('hex')}`
    const wrongPhone = await svc.lookupAppointment(deps, { reference: a.reference, phone: '13700000000' }, ip).catch(e => e)
    const wrongRef = await svc.lookupAppointment(deps, { reference: 'YY-2026-ZZZZZZ', phone: PHONE }, ip).catch(e => e)
    expect([wrongPhone.code, wrongPhone.message]).toEqual([wrongRef.code, wrongRef.message])
    for (let i = 0; i < 10; i++) await svc.lookupAppointment(deps, { reference: 'YY-2026-ZZZZZZ', phone: PHONE }, ip).catch(() => {})
    await expect(svc.lookupAppointment(deps, { reference: a.reference, phone: PHONE }, ip)).rejects.toMatchObject({ code: 'TOO_MANY_LOOKUPS' })
  })

  it('the staff day list is masked and audited', async () => {
    const s = await slot(2, 2)
    const a = await book(s.id)
    const u = await insertStaffIfAbsent(t.db, { username: `op.${randomBytes(3).toString('hex')}`, role: 'operator', displayName: '坐席', passwordHash: 'x' })
    const day = new Date(s.startsAt.getTime() + 8 * HOUR).toISOString().slice(0, 10)
    const list = await svc.staffDayList(deps, { id: u!.id, role: 'operator' }, day)
    expect(list.find(i => i.reference === a.reference)).toMatchObject({ nameMasked: '张**', phoneMasked: '139****5678', slotNo: 1 })
    expect(personalValuesIn(list, [PHONE, '张三丰'])).toEqual([])
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'appointment.list'))
    expect(audits).toHaveLength(1)
    const actions = (await t.db.select({ a: auditLog.action }).from(auditLog)).map(r => r.a)
    expect(actions).toEqual(expect.arrayContaining(['appointment.book', 'appointment.cancel']))
    expect(personalValuesIn(await t.db.select().from(auditLog), [PHONE])).toEqual([])
  })
})
