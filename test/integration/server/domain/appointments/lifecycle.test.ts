// Waitlist offers with a time limit, the notification outbox (SKIP LOCKED, pluggable sender, no
// matter named in 家庭暴力 texts), staff outcomes, the one-time rating and the satisfaction figure,
// admin schedule edits (audited) and slots computed from them.
import { randomBytes } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appointments, appointmentSlots, auditLog, bookingWaitlist, notificationOutbox, servicePoints } from '~~/server/db/schema'
import { personalDataCrypto } from '~~/server/domain/crypto/aead'
import * as svc from '~~/server/domain/appointments/service'
import { addDays, atShanghai, shanghaiDay } from '#shared/time/calendar'
import { insertStaffIfAbsent } from '~~/server/repositories/staff'
import { bookAppointmentBody } from '#shared/schemas/appointments'
import { drivers, freshDb, type TestDb } from '../../../helpers/db'
import { newPhone } from '../../../helpers/phones'
import type { ActorRef } from '~~/server/domain/platform/actor'

const key = randomBytes(32)
const HOUR = 3600_000

describe.each(drivers())('booking lifecycle on %s', (driver) => {
  let t: TestDb
  let deps: svc.AppointmentDeps
  let pointId: string
  let staff: ActorRef
  let admin: ActorRef
  let seq = 0

  async function slot(capacity: number, days = 3) {
    const startsAt = new Date(atShanghai(addDays(shanghaiDay(new Date()), days), '09:00').getTime() + ++seq * 60_000)
    const [s] = await t.db.insert(appointmentSlots).values({ channel: 'walk_in', servicePointId: pointId, startsAt, endsAt: new Date(startsAt.getTime() + HOUR), capacity }).returning()
    return s!
  }
  const input = (slotId: string, extra: Partial<svc.BookInput> = {}): svc.BookInput => ({
    ...bookAppointmentBody.parse({ slotId, name: '王芳', phone: newPhone(), topic: '婚姻家庭' }), ipHash: `ip-${randomBytes(4).toString('hex')}`, ...extra,
  })
  const tokenOf = (url: string) => url.split('/').pop()!

  beforeAll(async () => {
    t = await freshDb(driver)
    deps = { db: t.db, crypto: personalDataCrypto(key), now: () => new Date() }
    const [p] = await t.db.insert(servicePoints).values({ code: `lc-${randomBytes(3).toString('hex')}`, level: 'township', name: '习岗镇公共法律服务工作站（测试）', county: 'helan', address: '贺兰县习岗镇' }).returning()
    pointId = p!.id
    const u = await insertStaffIfAbsent(t.db, { username: `op.${randomBytes(3).toString('hex')}`, role: 'operator', displayName: '窗口', passwordHash: 'x' })
    const a = await insertStaffIfAbsent(t.db, { username: `ad.${randomBytes(3).toString('hex')}`, role: 'admin', displayName: '管理员', passwordHash: 'x' })
    staff = { id: u!.id, role: 'operator' }
    admin = { id: a!.id, role: 'admin' }
  })
  afterAll(async () => { await t?.drop() })

  it('waitlist: a full day takes names; a freed place is held for the first person, who confirms in time; an expired hold goes to the next', async () => {
    const s = await slot(1, 5)
    const day = shanghaiDay(s.startsAt)
    const first = await svc.bookAppointment(deps, input(s.id))
    const join = (phone: string) => svc.joinWaitlist(deps, { channel: 'walk_in', servicePointId: pointId, day, name: '候补人', phone, topic: '劳动争议' })
    const p1 = newPhone()
    const p2 = newPhone()
    expect((await join(p1)).position).toBe(1)
    expect((await join(p2)).position).toBe(2)
    await expect(join(p1)).rejects.toMatchObject({ code: 'WAITLIST_ALREADY' })

    await svc.cancelBooking(deps, tokenOf(first.dto.manageUrl))
    const held = await t.db.select().from(appointments).where(and(eq(appointments.slotId, s.id), eq(appointments.status, 'held')))
    expect(held).toHaveLength(1)
    expect(held[0]!.phoneHash).toBe(deps.crypto.lookup(p1, 'phone'))
    expect(held[0]!.heldUntil!.getTime()).toBeGreaterThan(Date.now())
    const [offer] = await t.db.select().from(notificationOutbox).where(and(eq(notificationOutbox.appointmentId, held[0]!.id), eq(notificationOutbox.kind, 'waitlist_offer')))
    expect(offer).toBeDefined()

    // Nobody confirms: two hours later the hold expires and the place goes to the second person.
    const later = { ...deps, now: () => new Date(Date.now() + 3 * HOUR) }
    expect(await svc.releaseExpiredHolds(later)).toBe(1)
    const [again] = await t.db.select().from(appointments).where(and(eq(appointments.slotId, s.id), eq(appointments.status, 'held')))
    expect(again!.phoneHash).toBe(deps.crypto.lookup(p2, 'phone'))
    const [w1] = await t.db.select().from(bookingWaitlist).where(eq(bookingWaitlist.phoneHash, deps.crypto.lookup(p1, 'phone')))
    expect(w1!.status).toBe('expired')

    // The second person confirms with the link from the text.
    const token = svc.manageTokenOfForTests(deps, again!)!
    const confirmed = await svc.confirmHeldPlace(deps, token)
    expect(confirmed.status).toBe('booked')
    const [slotRow] = await t.db.select().from(appointmentSlots).where(eq(appointmentSlots.id, s.id))
    expect(slotRow!.booked).toBe(1)
    await expect(svc.joinWaitlist(deps, { channel: 'walk_in', servicePointId: pointId, day: shanghaiDay((await slot(2, 6)).startsAt), name: '某人', phone: newPhone(), topic: '工伤' }))
      .rejects.toMatchObject({ code: 'WAITLIST_NOT_NEEDED' })
  })

  it('a full day is not a dead end: the next free slots and the other channels', async () => {
    const full = await slot(1, 9)
    await svc.bookAppointment(deps, input(full.id))
    const free = await slot(2, 10)
    const online = new Date(Date.now() + 9 * 24 * HOUR)
    await t.db.insert(appointmentSlots).values({ channel: 'online', startsAt: online, endsAt: new Date(online.getTime() + HOUR), capacity: 5 })
    const alt = await svc.slotAlternatives(deps, { channel: 'walk_in', servicePointId: pointId, day: shanghaiDay(full.startsAt) })
    expect(alt.next.map(x => x.id)).toContain(free.id)
    expect(alt.next.map(x => x.id)).not.toContain(full.id)
    expect(alt.otherChannels.find(c => c.channel === 'online')?.next).not.toBeNull()
  })

  it('the days of a range: places and free places per day; a full day has none free; withdrawn and past slots do not count', async () => {
    const full = await slot(1, 12)
    await svc.bookAppointment(deps, input(full.id))
    const open = await slot(3, 13)
    const openToo = await slot(2, 13)
    await svc.bookAppointment(deps, input(openToo.id))
    const day12 = shanghaiDay(full.startsAt)
    const day13 = shanghaiDay(open.startsAt)
    const withdrawnAt = atShanghai(day13, '15:00')
    await t.db.insert(appointmentSlots).values({ channel: 'walk_in', servicePointId: pointId, startsAt: withdrawnAt, endsAt: new Date(withdrawnAt.getTime() + HOUR), capacity: 9, withdrawnAt: new Date() })
    const days = await svc.listSlotDays(deps, { channel: 'walk_in', servicePointId: pointId, from: day12, to: addDays(day13, 1) })
    expect(days.map(d => d.day)).toEqual([day12, day13])
    expect(days[0]).toEqual({ day: day12, capacity: 1, free: 0, freeSlots: 0 })
    expect(days[1]).toEqual({ day: day13, capacity: 5, free: 4, freeSlots: 2 })
    // Only the range asked for, and never the past.
    expect(await svc.listSlotDays(deps, { channel: 'walk_in', servicePointId: pointId, from: day13, to: day13 })).toHaveLength(1)
    expect(await svc.listSlotDays({ ...deps, now: () => new Date(Date.now() + 20 * 24 * HOUR) }, { channel: 'walk_in', servicePointId: pointId, from: day12, to: day13 })).toEqual([])
  })

  it('texts go through the outbox to the sender, once, across two workers; nothing personal is logged; 家庭暴力 texts never name the matter', async () => {
    const s = await slot(3, 4)
    const dv = await svc.bookAppointment(deps, input(s.id, { topic: '家庭暴力' }))
    const sent: svc.OutgoingText[] = []
    const sender: svc.NotificationSender = { name: 'test', async send(m) { sent.push(m) } }
    const logs: string[] = []
    const logger = svc.loggingSender(m => logs.push(m))
    const [a, b] = await Promise.all([svc.sendDueNotifications({ ...deps, sender }, { limit: 100 }), svc.sendDueNotifications({ ...deps, sender }, { limit: 100 })])
    expect(new Set(sent.map(m => m.id)).size).toBe(sent.length)
    expect(a[0] + b[0]).toBe(sent.length)
    const mine = sent.find(m => m.text.includes(dv.dto.reference))!
    expect(mine.kind).toBe('confirmation')
    expect(mine.to).toMatch(/^1\d{10}$/)
    expect(mine.text).not.toMatch(/家庭暴力|家暴|法律/)
    expect(mine.text).toContain('12348')
    expect(mine.text).toContain(dv.dto.manageUrl)
    const [row] = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.id, mine.id))
    expect(row!.status).toBe('sent')
    expect(row!.bodyEnc).not.toContain(dv.dto.reference)
    await logger.send(mine)
    expect(logs.join()).not.toContain(mine.to)
    expect(logs.join()).not.toContain(dv.dto.reference)
    // A failing sender retries later, never loses the row.
    await svc.bookAppointment(deps, input(s.id))
    const failing: svc.NotificationSender = { name: 'down', async send() { throw new Error('gateway 503 for 13912345678') } }
    await svc.sendDueNotifications({ ...deps, sender: failing })
    const pending = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.status, 'pending'))
    expect(pending.length).toBeGreaterThan(0)
    expect(pending.every(p => !p.lastError?.includes('13912345678'))).toBe(true)
  })

  it('reminders are queued once for tomorrow\'s bookings', async () => {
    const tomorrowNoon = new Date(`${addDays(shanghaiDay(new Date()), 1)}T12:00:00+08:00`)
    const [s] = await t.db.insert(appointmentSlots).values({ channel: 'walk_in', servicePointId: pointId, startsAt: tomorrowNoon, endsAt: new Date(tomorrowNoon.getTime() + HOUR), capacity: 3 }).returning()
    const b = await svc.bookAppointment(deps, input(s!.id))
    expect(await svc.queueReminders(deps)).toBeGreaterThanOrEqual(1)
    expect(await svc.queueReminders(deps)).toBe(0)
    const [row] = await t.db.select().from(appointments).where(eq(appointments.reference, b.dto.reference))
    const reminders = await t.db.select().from(notificationOutbox).where(and(eq(notificationOutbox.appointmentId, row!.id), eq(notificationOutbox.kind, 'reminder')))
    expect(reminders).toHaveLength(1)
  })

  it('staff check in, complete (rating link, once) or mark no-show, audited; satisfaction = 4-5 over all ratings', async () => {
    const s = await slot(3, 2)
    const a1 = await svc.bookAppointment(deps, input(s.id), staff)
    const a2 = await svc.bookAppointment(deps, input(s.id))
    const a3 = await svc.bookAppointment(deps, input(s.id))
    const id = async (ref: string) => (await t.db.select().from(appointments).where(eq(appointments.reference, ref)))[0]!.id
    const [i1, i2, i3] = await Promise.all([id(a1.dto.reference), id(a2.dto.reference), id(a3.dto.reference)])
    expect((await svc.recordOutcome(deps, { id: i1, status: 'checked_in' }, staff)).status).toBe('checked_in')
    expect((await svc.recordOutcome(deps, { id: i1, status: 'completed' }, staff)).status).toBe('completed')
    await expect(svc.recordOutcome(deps, { id: i1, status: 'no_show' }, staff)).rejects.toMatchObject({ code: 'STATUS_CHANGE_INVALID' })
    await svc.recordOutcome(deps, { id: i2, status: 'completed' }, staff)
    await svc.recordOutcome(deps, { id: i3, status: 'no_show' }, staff)
    const audits = (await t.db.select().from(auditLog).where(eq(auditLog.objectId, i1))).map(r => r.action)
    expect(audits).toEqual(expect.arrayContaining(['appointment.book', 'appointment.checked_in', 'appointment.completed']))

    const sent: Array<{ kind: string, text: string }> = []
    await svc.sendDueNotifications({ ...deps, sender: { name: 't', async send(m) { sent.push(m) } } }, { limit: 200 })
    const links = sent.filter(m => m.kind === 'rating_request').map(m => m.text.match(/\/appointments\/rate\/([A-Za-z0-9_-]{32})/)?.[1])
    expect(links.filter(Boolean)).toHaveLength(2)
    const today = shanghaiDay(new Date())
    const before = await svc.satisfactionFigures(deps, { fromDay: today, toDay: today })
    await svc.rateAppointment(deps, { token: links[0]!, score: 5, comment: '很耐心' })
    await expect(svc.rateAppointment(deps, { token: links[0]!, score: 1 })).rejects.toMatchObject({ code: 'RATING_ALREADY_GIVEN' })
    await svc.rateAppointment(deps, { token: links[1]!, score: 3 })
    const after = await svc.satisfactionFigures(deps, { fromDay: today, toDay: today })
    expect(after.responses - before.responses).toBe(2)
    expect(after.satisfied - before.satisfied).toBe(1)
    expect(after.satisfiedRate).toBeCloseTo(after.satisfied / after.responses)
    expect((await svc.satisfactionFigures(deps, { fromDay: '2020-01-01', toDay: '2020-01-02' })).satisfiedRate).toBeNull()
  })

  it('admins edit schedules (audited); slots follow: rule → slots, closure → withdrawn, extra session → added; holidays have none', async () => {
    const [p] = await t.db.insert(servicePoints).values({ code: `sc-${randomBytes(3).toString('hex')}`, level: 'village', name: '新胜村公共法律服务工作室（测试）', county: 'helan' }).returning()
    const ruleId = await svc.saveScheduleRule(deps, { servicePointId: p!.id, channel: 'walk_in', weekdays: [1, 2, 3, 4, 5, 6, 7], startTime: '09:00', endTime: '10:00', slotMinutes: 30, capacity: 1, validFrom: null, validTo: null }, admin)
    const today = shanghaiDay(new Date())
    const day = addDays(today, 3)
    const list = () => svc.listSlots(deps, { channel: 'walk_in', servicePointId: p!.id, from: day, to: day })
    const slotsThatDay = await list()
    const { isPublicHoliday } = await import('#shared/time/calendar')
    expect(slotsThatDay).toHaveLength(isPublicHoliday(day) ? 0 : 2)
    await svc.addClosure(deps, { servicePointId: p!.id, channel: null, day, reason: '停电检修' }, admin)
    expect(await list()).toHaveLength(0)
    await svc.addExtraSession(deps, { servicePointId: p!.id, channel: 'walk_in', day: addDays(today, 4), startTime: '15:00', endTime: '16:00', slotMinutes: 60, capacity: 2 }, admin)
    const extra = await svc.listSlots(deps, { channel: 'walk_in', servicePointId: p!.id, from: addDays(today, 4), to: addDays(today, 4) })
    expect(extra.some(s => s.capacity === 2)).toBe(true)
    await svc.deleteScheduleRule(deps, { id: ruleId }, admin)
    const listed = await svc.listSchedules(deps, p!.id)
    expect(listed.rules).toHaveLength(0)
    expect(listed.closures).toHaveLength(1)
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.actorId, admin.id))).map(r => r.action)
    expect(actions).toEqual(expect.arrayContaining(['schedule.create', 'schedule.closure_add', 'schedule.extra_add', 'schedule.delete']))
  })
})
