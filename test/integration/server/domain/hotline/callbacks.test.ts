import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appointments, appointmentSlots, auditLog, callbackAttempts, notificationOutbox, servicePoints } from '~~/server/db/schema'
import { personalDataCrypto } from '~~/server/domain/crypto/aead'
import * as svc from '~~/server/domain/hotline/service'
import { insertStaffIfAbsent } from '~~/server/repositories/staff'
import { logCallBody } from '#shared/schemas/hotline'
import { addDays, atShanghai, shanghaiDay } from '#shared/time/calendar'
import { drivers, freshDb, type TestDb } from '../../../helpers/db'
import { newPhone } from '../../../helpers/phones'
import type { ActorRef } from '~~/server/domain/platform/actor'

const HOUR = 3600_000
const PHONE = '13812340000'

describe.each(drivers())('callback attempts, safe windows and reassignment on %s', (driver) => {
  let t: TestDb
  let op: ActorRef
  let op2: ActorRef
  const crypto = personalDataCrypto(randomBytes(32))
  const at = (d: Date) => ({ db: t.db, crypto, now: () => d })

  /** A callback window: a slot of channel hotline_callback (the one booking model). */
  async function window(base: Date, inHours: number, capacity = 4) {
    const startsAt = new Date(base.getTime() + inHours * HOUR + Math.floor(Math.random() * 1e6))
    const [w] = await t.db.insert(appointmentSlots).values({ channel: 'hotline_callback', startsAt, endsAt: new Date(startsAt.getTime() + HOUR), capacity }).returning()
    return w!
  }
  /** A window starting `inHours` from `base`, and a call booked into it at `base` (each caller a different phone). */
  async function booked(base: Date, inHours: number, extra: Record<string, unknown> = {}, phone = newPhone()) {
    const w = await window(base, inHours)
    const call = await svc.logCall(at(base), logCallBody.parse({ topic: '劳动争议', summary: '请律师回电。', outcome: 'callback_booked', callerPhone: phone, callbackWindowId: w.id, ...extra }), op)
    return { window: w, call, callbackId: call.callback!.id }
  }

  beforeAll(async () => {
    t = await freshDb(driver)
    const a = await insertStaffIfAbsent(t.db, { username: 'op.cb', role: 'operator', displayName: '坐席甲', passwordHash: 'x' })
    const b = await insertStaffIfAbsent(t.db, { username: 'op2.cb', role: 'operator', displayName: '坐席乙', passwordHash: 'x' })
    op = { id: a!.id, role: 'operator' }
    op2 = { id: b!.id, role: 'operator' }
  })
  afterAll(async () => { await t?.drop() })

  it('at most three attempts: two failures leave it open, the third closes it as missed, a fourth is refused', async () => {
    const now = new Date()
    const { callbackId } = await booked(now, 1)
    expect(await svc.recordAttempt(at(now), { id: callbackId, result: 'no_answer' }, op)).toEqual({ status: 'booked', attemptNo: 1 })
    expect(await svc.recordAttempt(at(now), { id: callbackId, result: 'busy' }, op)).toEqual({ status: 'booked', attemptNo: 2 })
    expect(await svc.recordAttempt(at(now), { id: callbackId, result: 'no_answer' }, op)).toEqual({ status: 'missed', attemptNo: 3 })
    await expect(svc.recordAttempt(at(now), { id: callbackId, result: 'completed' }, op)).rejects.toMatchObject({ code: 'ATTEMPTS_EXHAUSTED', status: 409 })
    const rows = await t.db.select().from(callbackAttempts).where(eq(callbackAttempts.callbackId, callbackId))
    expect(rows.map(r => r.attemptNo).sort()).toEqual([1, 2, 3])
    // The database refuses a fourth row even if the service were bypassed.
    await expect(t.db.insert(callbackAttempts).values({ callbackId, attemptNo: 4, result: 'busy', at: now, by: op.id })).rejects.toThrow()
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.objectId, callbackId))
    expect(audits.filter(a => a.action === 'callback.attempt').map(a => a.detail)).toEqual(expect.arrayContaining([{ attemptNo: 3, result: 'no_answer', closed: 'missed' }]))
  })

  it('two failures then a completed call closes it as done', async () => {
    const now = new Date()
    const { callbackId, window } = await booked(now, 1)
    await svc.recordAttempt(at(now), { id: callbackId, result: 'no_answer' }, op)
    await svc.recordAttempt(at(now), { id: callbackId, result: 'not_safe_to_talk' }, op2)
    expect(await svc.recordAttempt(at(now), { id: callbackId, result: 'completed' }, op)).toEqual({ status: 'done', attemptNo: 3 })
    const [item] = (await svc.callbackQueue(at(now), { date: shanghaiDay(window.startsAt) }, op)).filter(q => q.id === callbackId)
    expect(item).toMatchObject({ status: 'done', sla: 'closed' })
    expect(item!.attempts.map(a => a.result)).toEqual(['no_answer', 'not_safe_to_talk', 'completed'])
    // The callback is the booking model's appointment: completed by the operator, the rating link queued for the caller.
    const [a] = await t.db.select().from(appointments).where(eq(appointments.id, callbackId))
    expect(a).toMatchObject({ channel: 'hotline_callback', status: 'completed', completedBy: op.id })
    const texts = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.appointmentId, callbackId))
    expect(texts.map(x => x.kind).sort()).toEqual(['confirmation', 'rating_request'])
  })

  it('three failures leave the appointment a no-show, without a rating link', async () => {
    const now = new Date()
    const { callbackId } = await booked(now, 1)
    for (const r of ['no_answer', 'busy', 'no_answer'] as const) await svc.recordAttempt(at(now), { id: callbackId, result: r }, op)
    const [a] = await t.db.select().from(appointments).where(eq(appointments.id, callbackId))
    expect(a!.status).toBe('no_show')
    const texts = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.appointmentId, callbackId))
    expect(texts.map(x => x.kind)).toEqual(['confirmation'])
  })

  it('parallel attempts never get the same number, and never more than three', async () => {
    const now = new Date()
    const { callbackId } = await booked(now, 1)
    const res = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => svc.recordAttempt(at(now), { id: callbackId, result: 'busy' }, i % 2 ? op : op2)))
    expect(res.filter(r => r.status === 'fulfilled')).toHaveLength(3)
    const rows = await t.db.select().from(callbackAttempts).where(eq(callbackAttempts.callbackId, callbackId))
    expect(rows.map(r => r.attemptNo).sort()).toEqual([1, 2, 3])
  })

  it('a caller flagged unsafe is never called (nor the number shown) outside the window they chose', async () => {
    const base = new Date()
    const { callbackId, window } = await booked(base, 2, { safeToCallBack: false, discreet: true }, PHONE)
    const before = new Date(window.startsAt.getTime() - 60_000)
    const inside = new Date(window.startsAt.getTime() + 10 * 60_000)
    const after = new Date(window.endsAt.getTime() + 60_000)
    await expect(svc.recordAttempt(at(before), { id: callbackId, result: 'no_answer' }, op)).rejects.toMatchObject({ code: 'OUTSIDE_CHOSEN_WINDOW', status: 409 })
    await expect(svc.revealCallback(at(before), { id: callbackId, purpose: '回拨来电人' }, op)).rejects.toMatchObject({ code: 'OUTSIDE_CHOSEN_WINDOW' })
    expect((await svc.revealCallback(at(inside), { id: callbackId, purpose: '回拨来电人' }, op)).phone).toBe(PHONE)
    expect(await svc.recordAttempt(at(inside), { id: callbackId, result: 'no_answer' }, op)).toMatchObject({ attemptNo: 1 })
    await expect(svc.recordAttempt(at(after), { id: callbackId, result: 'completed' }, op)).rejects.toMatchObject({ code: 'OUTSIDE_CHOSEN_WINDOW' })
    const [item] = (await svc.callbackQueue(at(after), { date: shanghaiDay(window.startsAt) }, op)).filter(q => q.id === callbackId)
    expect(item).toMatchObject({ safeToCallBack: false, discreet: true, sla: 'overdue' })
    // A caller safe to call can be tried before the window (e.g. to confirm).
    const safe = await booked(base, 3)
    expect(await svc.recordAttempt(at(base), { id: safe.callbackId, result: 'busy' }, op)).toMatchObject({ attemptNo: 1 })
  })

  it('reassigns between operators (audited), refuses a non-operator, and the queue shows who is to call', async () => {
    const now = new Date()
    const { callbackId, window } = await booked(now, 1)
    await svc.reassignCallback(at(now), { id: callbackId, operatorId: op2.id }, op)
    const [item] = (await svc.callbackQueue(at(now), { date: shanghaiDay(window.startsAt) }, op2)).filter(q => q.id === callbackId)
    expect(item).toMatchObject({ assignee: { id: op2.id, name: '坐席乙' }, mine: true, sla: 'upcoming' })
    const [forOp] = (await svc.callbackQueue(at(now), { date: shanghaiDay(window.startsAt) }, op)).filter(q => q.id === callbackId)
    expect(forOp!.mine).toBe(false)
    const admin = await insertStaffIfAbsent(t.db, { username: 'admin.cb', role: 'admin', displayName: '管理员', passwordHash: 'x' })
    await expect(svc.reassignCallback(at(now), { id: callbackId, operatorId: admin!.id }, op)).rejects.toMatchObject({ code: 'OPERATOR_NOT_FOUND' })
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'callback.reassign'))
    expect(audit).toMatchObject({ objectId: callbackId, detail: { operatorId: op2.id } })
  })

  it('a full window keeps the call; another window can be booked for it', async () => {
    const now = new Date()
    const full = await window(now, 5, 1)
    await svc.logCall(at(now), logCallBody.parse({ topic: '工伤', summary: '先到的。', outcome: 'callback_booked', callerPhone: newPhone(), callbackWindowId: full.id }), op)
    const refused = await svc.logCall(at(now), logCallBody.parse({ topic: '工伤', summary: '后到的来电。', outcome: 'callback_booked', callerPhone: newPhone(), callbackWindowId: full.id }), op).catch(e => e)
    expect(refused).toMatchObject({ code: 'WINDOW_FULL', details: { callSaved: true } })
    const saved = await svc.openCall(at(now), { id: refused.details.callId }, op)
    expect(saved).toMatchObject({ summary: '后到的来电。', callback: null, outcome: 'callback_booked' })
    const other = await booked(now, 6)
    const withCallback = await svc.bookCallbackForCall(at(now), { callId: saved.id, slotId: other.window.id }, op)
    expect(withCallback.callback).toMatchObject({ status: 'booked', slotNo: 2 })
    await expect(svc.bookCallbackForCall(at(now), { callId: saved.id, slotId: other.window.id }, op)).rejects.toMatchObject({ code: 'CALLBACK_EXISTS' })
  })

  it('the booking model\'s hoarding rule holds for operators too, and the refusal keeps the call', async () => {
    const now = new Date()
    const phone = newPhone()
    // Two windows on the same Beijing day, two days ahead (10:xx and 12:xx).
    const tenAm = (atShanghai(addDays(shanghaiDay(now), 2), '10:00').getTime() - now.getTime()) / HOUR
    const first = await booked(now, tenAm, {}, phone)
    const sameDay = await window(now, tenAm + 2)
    const refused = await svc.logCall(at(now), logCallBody.parse({ topic: '工伤', summary: '同一天再约。', outcome: 'callback_booked', callerPhone: phone, callbackWindowId: sameDay.id }), op).catch(e => e)
    expect(refused).toMatchObject({ code: 'PHONE_ALREADY_BOOKED', status: 409, details: { callSaved: true } })
    expect((await svc.openCall(at(now), { id: refused.details.callId }, op)).callback).toBeNull()
    expect(first.call.callback).toMatchObject({ status: 'booked', reference: expect.stringMatching(/^YY-/) })
  })

  it('the queue also holds callbacks residents booked on the site (no call), with the safe defaults', async () => {
    const now = new Date()
    const w = await window(now, 7)
    const { bookAppointment } = await import('~~/server/domain/appointments/service')
    const { dto } = await bookAppointment(at(now), { slotId: w.id, name: '王女士', phone: newPhone(), topic: '婚姻家庭' })
    const [item] = (await svc.callbackQueue(at(now), { date: shanghaiDay(w.startsAt) }, op)).filter(q => q.reference === dto.reference)
    expect(item).toMatchObject({ callId: null, callReference: null, topic: '婚姻家庭', status: 'booked', sla: 'upcoming', safeToCallBack: true, mine: false })
    expect(await svc.recordAttempt(at(now), { id: item!.id, result: 'completed' }, op)).toEqual({ status: 'done', attemptNo: 1 })
  })

  it('books for the caller from the call: phone and topic carried over, the booking linked to the call', async () => {
    const now = new Date()
    const phone = newPhone()
    const [point] = await t.db.insert(servicePoints).values({ code: `T-${Math.floor(Math.random() * 1e9)}`, level: 'township', name: '测试乡镇工作站' }).returning()
    const startsAt = atShanghai(addDays(shanghaiDay(now), 3), '10:00')
    const [walkIn] = await t.db.insert(appointmentSlots).values({ channel: 'walk_in', servicePointId: point!.id, startsAt, endsAt: new Date(startsAt.getTime() + HOUR), capacity: 2 }).returning()
    const [later] = await t.db.insert(appointmentSlots).values({ channel: 'walk_in', servicePointId: point!.id, startsAt: new Date(startsAt.getTime() + 2 * HOUR), endsAt: new Date(startsAt.getTime() + 3 * HOUR), capacity: 2 }).returning()
    const call = await svc.logCall(at(now), logCallBody.parse({ topic: '婚姻家庭', summary: '离婚财产分割，想当面咨询。', outcome: 'answered', callerPhone: phone }), op)

    const after = await svc.bookForCall(at(now), { slotId: walkIn!.id, name: '王女士', callId: call.id }, op)
    const [link] = after.links.filter(l => l.kind === 'booking')
    expect(link!.reference).toMatch(/^YY-\d{4}-/)
    expect(after.callback).toBeNull() // a visit, not a callback
    const [a] = await t.db.select().from(appointments).where(eq(appointments.reference, link!.reference))
    expect(a).toMatchObject({ channel: 'walk_in', callId: call.id, topic: '婚姻家庭', name: '王女士', bookedBy: op.id, phoneHash: crypto.lookup(phone, 'phone'), status: 'booked' })
    // The booking model's rules hold: the same phone twice on one day is refused, and nothing is linked.
    await expect(svc.bookForCall(at(now), { slotId: later!.id, callId: call.id }, op)).rejects.toMatchObject({ code: 'PHONE_ALREADY_BOOKED', status: 409 })
    expect((await svc.openCall(at(now), { id: call.id }, op)).links.filter(l => l.kind === 'booking')).toHaveLength(1)
    // No number, no booking.
    const anonymous = await svc.logCall(at(now), logCallBody.parse({ topic: '工伤', summary: '匿名来电。', outcome: 'answered' }), op)
    await expect(svc.bookForCall(at(now), { slotId: later!.id, callId: anonymous.id }, op)).rejects.toMatchObject({ code: 'CALLBACK_PHONE_REQUIRED' })
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.objectId, call.id))
    expect(audits.filter(x => x.action === 'hotline_call.link').map(x => x.detail)).toEqual([{ kind: 'booking', reference: link!.reference }])
  })
})
