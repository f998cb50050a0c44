import { randomBytes } from 'node:crypto'
import type { ActorRef } from '~~/server/domain/platform/actor'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appointments, appointmentSlots, auditLog, hotlineCalls } from '~~/server/db/schema'
import { cancelById } from '~~/server/domain/appointments/service'
import { personalDataCrypto } from '~~/server/domain/crypto/aead'
import type { DomainError } from '~~/server/domain/errors'
import * as svc from '~~/server/domain/hotline/service'
import { insertStaffIfAbsent } from '~~/server/repositories/staff'
import { logCallBody } from '#shared/schemas/hotline'
import { drivers, freshDb, type TestDb } from '../../helpers/db'
import { newPhone } from '../../helpers/phones'
import { personalValuesIn } from '../../../helpers/personal-data'

const key = randomBytes(32)
const PHONE = '13912345678'
const HOUR = 3600_000

describe.each(drivers())('hotline calls and callbacks on %s', (driver) => {
  let t: TestDb
  let deps: svc.HotlineDeps
  let op: ActorRef
  let op2: ActorRef

  const body = (extra: Record<string, unknown> = {}) => logCallBody.parse({ topic: '劳动争议', summary: '工地拖欠工资三个月，询问如何维权。', outcome: 'answered', ...extra })
  async function window(capacity: number, startsInHours = 24) {
    const startsAt = new Date(Date.now() + startsInHours * HOUR + Math.floor(Math.random() * 1e6))
    const [w] = await t.db.insert(appointmentSlots).values({ channel: 'hotline_callback', startsAt, endsAt: new Date(startsAt.getTime() + HOUR), capacity }).returning()
    return w!
  }
  // A callback window is a slot of channel hotline_callback; each caller a different phone (the booking model allows one a day).
  const book = (windowId: string, actor = op, phone = newPhone()) => svc.logCall(deps, body({ outcome: 'callback_booked', callerPhone: phone, callbackWindowId: windowId }), actor)
  const codeOf = (r: PromiseSettledResult<unknown>) => r.status === 'rejected' ? (r.reason as DomainError).code : 'ok'

  beforeAll(async () => {
    t = await freshDb(driver)
    deps = { db: t.db, crypto: personalDataCrypto(key), now: () => new Date() }
    const a = await insertStaffIfAbsent(t.db, { username: 'op.it', role: 'operator', displayName: '坐席甲', passwordHash: 'x' })
    const b = await insertStaffIfAbsent(t.db, { username: 'op2.it', role: 'operator', displayName: '坐席乙', passwordHash: 'x' })
    op = { id: a!.id, role: 'operator' }
    op2 = { id: b!.id, role: 'operator' }
  })
  afterAll(async () => { await t?.drop() })

  it('stores the caller phone encrypted at rest, with a keyed hash and a mask; anonymous calls store none', async () => {
    const call = await svc.logCall(deps, body({ callerPhone: PHONE }), op)
    expect(call.callerPhoneMasked).toBe('139****5678')
    const [row] = await t.db.select().from(hotlineCalls).where(eq(hotlineCalls.id, call.id))
    expect(row!.callerPhoneEnc).toMatch(/^enc:v1:/)
    expect(personalValuesIn(row, [PHONE])).toEqual([])
    expect(row!.callerPhoneHash).toBe(deps.crypto.lookup(PHONE, 'phone'))
    const raw = await t.db.execute(sql`select caller_phone_enc::text as v from hotline_calls where id = ${call.id}`)
    expect(personalValuesIn(raw, [PHONE])).toEqual([])

    const anon = await svc.logCall(deps, body(), op)
    const [a] = await t.db.select().from(hotlineCalls).where(eq(hotlineCalls.id, anon.id))
    expect([a!.callerPhoneEnc, a!.callerPhoneHash, a!.callerPhoneMasked]).toEqual([null, null, null])
  })

  it('the database refuses a plaintext phone, a callback outcome without phone and an unknown topic', async () => {
    const base = { reference: `RX-T-${randomBytes(3).toString('hex')}`, operatorId: op.id, startedAt: new Date(), topic: '工伤', summary: 's', outcome: 'answered' as const }
    await expect(t.db.insert(hotlineCalls).values({ ...base, callerPhoneEnc: PHONE, callerPhoneHash: 'h', callerPhoneMasked: 'm' })).rejects.toThrow()
    await expect(t.db.insert(hotlineCalls).values({ ...base, outcome: 'callback_booked' })).rejects.toThrow()
    await expect(t.db.insert(hotlineCalls).values({ ...base, topic: '其他' })).rejects.toThrow()
    await expect(t.db.insert(appointmentSlots).values({ channel: 'hotline_callback', startsAt: new Date(), endsAt: new Date(Date.now() - 1), capacity: 1 })).rejects.toThrow()
    await expect(t.db.insert(appointmentSlots).values({ channel: 'hotline_callback', startsAt: new Date(Date.now() + 9e9), endsAt: new Date(Date.now() + 9e9 + HOUR), capacity: 0 })).rejects.toThrow()
  })

  it('books the lowest free place; a cancelled place is free again; the phone of the callback is encrypted', async () => {
    const w = await window(3)
    const c1 = await book(w.id)
    const c2 = await book(w.id, op, PHONE)
    expect([c1.callback!.slotNo, c2.callback!.slotNo]).toEqual([1, 2])
    await cancelById(deps, { id: c1.callback!.id }, op)
    expect((await book(w.id)).callback!.slotNo).toBe(1)
    expect((await book(w.id)).callback!.slotNo).toBe(3)
    const [cb] = await t.db.select().from(appointments).where(eq(appointments.id, c2.callback!.id))
    expect(cb!.phoneEnc).toMatch(/^enc:v1:/)
    expect(cb!.phoneMasked).toBe('139****5678')
    const reveal = await svc.revealCallback(deps, { id: cb!.id, purpose: '回拨来电人' }, op2)
    expect(reveal.phone).toBe(PHONE)
  })

  it('never books the last place twice: 20 parallel bookings for 3 places → 3 booked, 17 WINDOW_FULL', async () => {
    const w = await window(3)
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => book(w.id, i % 2 ? op : op2, `1380000${String(1000 + i)}`)))
    const codes = results.map(codeOf)
    expect(codes.filter(c => c === 'ok')).toHaveLength(3)
    expect(codes.filter(c => c === 'WINDOW_FULL')).toHaveLength(17)
    const rows = await t.db.select().from(appointments).where(eq(appointments.slotId, w.id))
    expect(rows.map(r => r.slotNo).sort()).toEqual([1, 2, 3])
    const [slot] = await t.db.select().from(appointmentSlots).where(eq(appointmentSlots.id, w.id))
    expect(slot!.booked).toBe(3)
    const calls = await t.db.select({ n: sql<number>`count(*)::int` }).from(hotlineCalls).where(sql`${hotlineCalls.summary} like '工地拖欠%' and ${hotlineCalls.outcome} = 'callback_booked' and ${hotlineCalls.id} in (select call_id from appointments where slot_id = ${w.id})`)
    expect(calls[0]!.n).toBe(3)
    // A refused booking keeps the call record (its outcome still asks for a callback): 17 calls wait for another window.
    const waiting = await t.db.execute(sql`select count(*)::int as n from hotline_calls c where c.outcome = 'callback_booked' and not exists (select 1 from appointments b where b.call_id = c.id)`)
    expect(Number((waiting as unknown as { rows: Array<{ n: number }> }).rows[0]!.n)).toBe(17)
    const refused = results.find(r => r.status === 'rejected') as PromiseRejectedResult
    expect(refused.reason.details).toMatchObject({ callSaved: true, callId: expect.any(String), reference: expect.stringMatching(/^RX-/) })
  })

  it('refuses a window that has begun (keeping the call) and an unknown window (writing nothing)', async () => {
    const past = await window(2, -1)
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(hotlineCalls)
    await expect(book(past.id)).rejects.toMatchObject({ code: 'WINDOW_CLOSED', details: { callSaved: true } })
    await expect(book('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'WINDOW_NOT_FOUND' })
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(hotlineCalls)
    expect(after[0]!.n).toBe(before[0]!.n + 1)
    const windows = await svc.listWindows(deps)
    expect(windows.some(x => x.id === past.id)).toBe(false)
  })

  it('audits in the same transaction: a failed audit write rolls the call back', async () => {
    const audits = (objectId: string, action: string) => t.db.select().from(auditLog).where(and(eq(auditLog.objectId, objectId), eq(auditLog.action, action)))
    const call = await svc.logCall(deps, body(), op)
    expect(await audits(call.id, 'hotline_call.create')).toHaveLength(1)
    await svc.openCall(deps, { id: call.id }, op2)
    expect(await audits(call.id, 'hotline_call.read')).toHaveLength(1)

    // An actor id that is not a uuid makes the audit insert fail inside the transaction.
    const count = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(hotlineCalls))[0]!.n
    const n = await count()
    await expect(svc.logCall(deps, body(), { id: 'not-a-uuid', role: 'operator' })).rejects.toThrow()
    expect(await count()).toBe(n)
  })

  it('lists the team\'s calls masked, marks own ones, and audits list, queue, reveal and completion', async () => {
    const page = await svc.listCalls(deps, { page: 1 }, op)
    expect(page.items.length).toBeGreaterThan(0)
    expect(page.items.some(i => i.mine) && page.items.some(i => !i.mine)).toBe(true)
    expect(personalValuesIn(page, [PHONE])).toEqual([])
    const w = await window(2, 1)
    const phone = newPhone()
    const c = await book(w.id, op, phone)
    const day = new Date(w.startsAt.getTime() + 8 * HOUR).toISOString().slice(0, 10)
    const queue = await svc.callbackQueue(deps, { date: day }, op)
    const item = queue.find(q => q.id === c.callback!.id)!
    expect(item.phoneMasked).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`)
    expect(personalValuesIn(queue, [phone])).toEqual([])
    expect(await svc.recordAttempt(deps, { id: item.id, result: 'completed' }, op)).toEqual({ status: 'done', attemptNo: 1 })
    await expect(svc.recordAttempt(deps, { id: item.id, result: 'no_answer' }, op)).rejects.toMatchObject({ code: 'CALLBACK_NOT_OPEN' })
    const actions = (await t.db.select({ a: auditLog.action, p: auditLog.purpose, d: auditLog.detail }).from(auditLog)).map(r => r.a)
    for (const a of ['hotline_call.list', 'callback.list', 'callback.reveal', 'callback.attempt', 'callback.book']) expect(actions).toContain(a)
    const [rev] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'callback.reveal'))
    expect(rev!.purpose).toBe('回拨来电人')
    expect(JSON.stringify(await t.db.select().from(auditLog))).not.toContain(PHONE)
  })
})
