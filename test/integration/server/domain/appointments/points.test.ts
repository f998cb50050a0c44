// Admins edit a service point's details (issue 9) on a real database: the public list shows the new
// values, the edited fields lose their 示例 mark and the others keep it, every edit is one audit row
// in the same transaction, and a point taken out of service leaves the public list and withdraws
// its future free walk-in slots (bookings keep their place); back in service, they return.
import { randomBytes } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, servicePoints } from '~~/server/db/schema'
import { personalDataCrypto } from '~~/server/domain/crypto/aead'
import * as svc from '~~/server/domain/appointments/service'
import { addDays, shanghaiDay } from '#shared/time/calendar'
import { insertStaffIfAbsent } from '~~/server/repositories/staff'
import { bookAppointmentBody } from '#shared/schemas/appointments'
import { updateServicePointBody } from '#shared/schemas/service-point-admin'
import { drivers, freshDb, type TestDb } from '../../../helpers/db'
import { newPhone } from '../../../helpers/phones'
import type { ActorRef } from '~~/server/domain/platform/actor'

describe.each(drivers())('service point details edited by admins on %s', (driver) => {
  let t: TestDb
  let deps: svc.AppointmentDeps
  let admin: ActorRef
  let pointId: string

  beforeAll(async () => {
    t = await freshDb(driver)
    deps = { db: t.db, crypto: personalDataCrypto(randomBytes(32)), now: () => new Date() }
    const [p] = await t.db.insert(servicePoints).values({
      code: `pt-${randomBytes(3).toString('hex')}`, level: 'township', name: '习岗镇公共法律服务工作站（示例）', county: 'helan',
      address: '贺兰县习岗镇（示例地址）', phone: '12348', openingHours: { 周一至周五: '09:00-12:00, 14:30-17:00' }, accessibility: '示例：一楼窗口',
      services: ['法律咨询'], isDemo: true, demoFields: ['address', 'phone', 'openingHours', 'accessibility'],
    }).returning()
    pointId = p!.id
    const a = await insertStaffIfAbsent(t.db, { username: `ad.${randomBytes(3).toString('hex')}`, role: 'admin', displayName: '管理员', passwordHash: 'x' })
    admin = { id: a!.id, role: 'admin' }
  })
  afterAll(async () => { await t?.drop() })

  const publicPoint = async () => (await svc.listServicePoints(deps)).find(p => p.id === pointId)
  const audits = () => t.db.select().from(auditLog).where(and(eq(auditLog.action, 'service_point.update'), eq(auditLog.objectId, pointId)))
  const edit = (v: Record<string, unknown>) => svc.updateServicePoint(deps, { ...updateServicePointBody.parse(v), id: pointId }, admin)

  it('an edit shows in the public list; the edited fields lose their 示例 mark, the rest keep it; audited once', async () => {
    const before = await publicPoint()
    expect(before!.demoFields).toEqual(['address', 'phone', 'openingHours', 'accessibility'])
    const dto = await edit({ address: '贺兰县习岗镇测试路 1 号', phone: '12348', openingHours: '周一至周五 09:00-12:00, 14:30-17:00\n周六 09:00-11:00', accessibility: '示例：一楼窗口', active: 'on' })
    expect(dto.demoFields).toEqual(['phone', 'accessibility'])
    const after = await publicPoint()
    expect(after).toMatchObject({ address: '贺兰县习岗镇测试路 1 号', phone: '12348', openingHours: { 周一至周五: '09:00-12:00, 14:30-17:00', 周六: '09:00-11:00' }, demoFields: ['phone', 'accessibility'] })
    const rows = await audits()
    expect(rows).toHaveLength(1)
    expect(rows[0]!.actorId).toBe(admin.id)
    expect(rows[0]!.detail).toEqual({ changed: ['address', 'openingHours'], active: true })

    // saving the same values again changes nothing and writes no audit row
    await edit({ address: '贺兰县习岗镇测试路 1 号', phone: '12348', openingHours: '周一至周五 09:00-12:00, 14:30-17:00\n周六 09:00-11:00', accessibility: '示例：一楼窗口', active: true })
    expect(await audits()).toHaveLength(1)
  })

  it('taken out of service: gone from the public list, future free walk-in slots withdrawn, a booking keeps its place; back in service they return', async () => {
    const day = addDays(shanghaiDay(new Date()), 2)
    await svc.saveScheduleRule(deps, { servicePointId: pointId, channel: 'walk_in', weekdays: [1, 2, 3, 4, 5, 6, 7], startTime: '09:00', endTime: '10:00', slotMinutes: 30, capacity: 2, validFrom: null, validTo: null }, admin)
    const list = () => svc.listSlots(deps, { channel: 'walk_in', servicePointId: pointId, from: day, to: day })
    const open = await list()
    expect(open.length).toBeGreaterThan(0)
    const booked = await svc.bookAppointment(deps, { ...bookAppointmentBody.parse({ slotId: open[0]!.id, name: '王芳', phone: newPhone(), topic: '婚姻家庭' }), ipHash: 'ip-points-test' })
    expect((await publicPoint())!.channels).toContain('walk_in')

    const base = { address: '贺兰县习岗镇测试路 1 号', phone: '0951-1234567', openingHours: '周一至周五 09:00-12:00', accessibility: '' }
    const off = await edit({ ...base, active: undefined }) // an unchecked box is absent from a plain form post
    expect(off.active).toBe(false)
    expect(off.channels).toEqual([])
    expect(await publicPoint()).toBeUndefined()
    expect((await svc.listServicePointsForStaff(deps)).find(p => p.id === pointId)).toMatchObject({ active: false, phone: '0951-1234567' })
    expect(await list()).toEqual([])
    // asking again does not plan new slots for it
    expect(await svc.listSlots(deps, { channel: 'walk_in', servicePointId: pointId, from: addDays(day, 1), to: addDays(day, 3) })).toEqual([])
    await expect(svc.bookAppointment(deps, { ...bookAppointmentBody.parse({ slotId: open[0]!.id, name: '李娜', phone: newPhone(), topic: '婚姻家庭' }), ipHash: 'ip-points-test-2' })).rejects.toMatchObject({ status: expect.any(Number) })
    const view = await svc.viewBooking(deps, booked.dto.manageUrl.split('/').pop()!)
    expect(view.status).toBe('booked')
    expect((await audits()).at(-1)!.detail).toEqual({ changed: ['phone', 'openingHours', 'accessibility'], active: false })

    await edit({ ...base, active: 'on' })
    expect((await publicPoint())!.channels).toContain('walk_in')
    expect((await list()).map(s => s.id)).toEqual(open.map(s => s.id))
  })

  it('an unknown point is SERVICE_POINT_NOT_FOUND and changes nothing', async () => {
    const n = (await audits()).length
    await expect(svc.updateServicePoint(deps, { ...updateServicePointBody.parse({ address: 'x', phone: '12348', openingHours: '周一 09:00', active: true }), id: '00000000-0000-4000-8000-000000000000' }, admin))
      .rejects.toMatchObject({ code: 'SERVICE_POINT_NOT_FOUND' })
    expect(await audits()).toHaveLength(n)
  })
})
