// The dashboard's figures against a seeded set of known calls, callbacks, appointments, screenings
// and legal-aid decisions, with records on both sides of the Asia/Shanghai day boundaries
// (23:59 and 00:00 Beijing time = 15:59 and 16:00 UTC).
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appointmentRatings, appointments, appointmentSlots, legalAidApplications, servicePoints } from '~~/server/db/schema'
import { personalDataCrypto } from '~~/server/domain/crypto/aead'
import { dashboardFigures, readDashboard } from '~~/server/domain/dashboard/service'
import * as hotline from '~~/server/domain/hotline/service'
import { bumpScreeningCounter } from '~~/server/repositories/eligibility'
import { insertStaffIfAbsent } from '~~/server/repositories/staff'
import { logCallBody } from '#shared/schemas/hotline'
import { drivers, freshDb, type TestDb } from '../../../helpers/db'
import type { ActorRef } from '~~/server/domain/platform/actor'

const DAY = '2025-03-10' // a Monday; Beijing day = [2025-03-09T16:00Z, 2025-03-10T16:00Z)
const BEFORE = '2025-03-09T15:59:00Z' // 2025-03-09 23:59 Beijing: outside
const FIRST = '2025-03-09T16:00:00Z' // 2025-03-10 00:00 Beijing: inside
const LAST = '2025-03-10T15:59:00Z' // 2025-03-10 23:59 Beijing: inside
const AFTER = '2025-03-10T16:00:00Z' // 2025-03-11 00:00 Beijing: outside
const HOUR = 3600_000

describe.each(drivers())('supervisor dashboard figures on %s', (driver) => {
  let t: TestDb
  let op: ActorRef
  let pointId: string
  const n = { ref: 0 }
  const ref = (p: string) => `${p}-${++n.ref}-${randomBytes(3).toString('hex')}`

  async function call(at: string, extra: Record<string, unknown> = {}) {
    const deps = { db: t.db, crypto: personalDataCrypto(Buffer.alloc(32, 7)), now: () => new Date(at) }
    return hotline.logCall(deps, logCallBody.parse({ topic: '劳动争议', summary: '咨询欠薪。', outcome: 'answered', ...extra }), op)
  }
  /** A 12348 callback: an appointment of channel hotline_callback (done = completed, missed = no_show). */
  async function callbackAt(startIso: string, status: 'booked' | 'completed' | 'no_show' | 'cancelled', completedAfterMin?: number) {
    const startsAt = new Date(startIso)
    const [w] = await t.db.insert(appointmentSlots).values({ channel: 'hotline_callback', startsAt, endsAt: new Date(startsAt.getTime() + HOUR), capacity: 4 }).returning()
    const c = await call(FIRST)
    const reference = ref('YY')
    await t.db.insert(appointments).values({
      reference, slotId: w!.id, slotNo: 1, slotDay: new Date(startsAt.getTime() + 8 * HOUR).toISOString().slice(0, 10), channel: 'hotline_callback',
      callId: c.id, phoneEnc: 'enc:x', phoneHash: `h-${reference}`, phoneMasked: '139****0000', topic: '劳动争议', status, bookedBy: op.id,
      completedAt: completedAfterMin === undefined ? null : new Date(startsAt.getTime() + completedAfterMin * 60_000), completedBy: completedAfterMin === undefined ? null : op.id,
    })
  }
  async function appointment(startIso: string, channel: 'walk_in' | 'online', status: 'booked' | 'completed' | 'no_show' | 'cancelled') {
    const startsAt = new Date(startIso)
    const [s] = await t.db.insert(appointmentSlots).values({ channel, servicePointId: channel === 'walk_in' ? pointId : null, startsAt, endsAt: new Date(startsAt.getTime() + HOUR), capacity: 1 }).returning()
    const reference = ref('YY')
    const [a] = await t.db.insert(appointments).values({ reference, slotId: s!.id, slotNo: 1, slotDay: new Date(startsAt.getTime() + 8 * HOUR).toISOString().slice(0, 10), channel, name: '张三', phoneEnc: 'enc:x', phoneHash: `h-${reference}`, phoneMasked: '139****0000', topic: '劳动争议', status }).returning()
    return a!.id
  }
  async function rating(appointmentId: string, score: number | null, ratedIso: string | null) {
    await t.db.insert(appointmentRatings).values({ appointmentId, tokenHash: ref('tok'), score, ratedAt: ratedIso ? new Date(ratedIso) : null })
  }
  async function application(receivedDate: string, decidedIso: string | null, status: string, decisionDue?: string) {
    await t.db.insert(legalAidApplications).values({
      reference: ref('FY'), status, receivedDate, receivedAt: new Date(`${receivedDate}T09:00:00+08:00`), decisionDue: decisionDue ?? null,
      decidedAt: decidedIso ? new Date(decidedIso) : null, screeningOutcome: 'eligible', meansTest: 'passed', ruleVersion: 't', nameMasked: '张*',
      idNumberEnc: 'enc:x', idNumberHash: 'h', phoneEnc: 'enc:x', phoneHash: 'h', personalEnc: 'enc:x',
      refusalReasons: status === 'refused' ? '不符合经济困难条件的规定。' : null,
      ...(status === 'assigned' ? { assigneeLawyer: '李律师', assigneeFirm: '测试律师事务所' } : {}),
    })
  }

  beforeAll(async () => {
    t = await freshDb(driver)
    const u = await insertStaffIfAbsent(t.db, { username: 'op.dash', role: 'operator', displayName: '坐席', passwordHash: 'x' })
    op = { id: u!.id, role: 'operator' }
    const [p] = await t.db.insert(servicePoints).values({ code: 'T-TOWN', level: 'township', name: '测试乡镇工作站' }).returning()
    pointId = p!.id

    // Calls: 2 outside (23:59 the day before, 00:00 the day after), 4 inside.
    await call(BEFORE)
    await call(AFTER)
    await call(FIRST, { callerGroups: ['elderly', 'disabled'], toldOfLegalAidRight: true })
    await call(LAST, { topic: '婚姻家庭', callerGroups: ['elderly'], outcome: 'legal_aid_screening' })
    await call('2025-03-10T02:30:00Z', { outcome: 'transferred' }) // 10:30 Beijing
    // Callbacks (each also logs a call at FIRST: +4 calls at 00:00): done in window, done late, missed, still booked in the past, cancelled; one outside.
    await callbackAt('2025-03-10T01:00:00Z', 'completed', 30)
    await callbackAt('2025-03-10T06:00:00Z', 'completed', 90)
    await callbackAt('2025-03-10T07:00:00Z', 'no_show')
    await callbackAt('2025-03-10T08:00:00Z', 'booked')
    await callbackAt('2025-03-10T09:00:00Z', 'cancelled')
    await callbackAt(AFTER, 'completed', 10)
    // Appointments by slot start.
    await appointment(FIRST, 'walk_in', 'completed')
    await appointment(LAST, 'online', 'no_show')
    await appointment('2025-03-10T03:00:00Z', 'walk_in', 'booked')
    await appointment('2025-03-10T04:00:00Z', 'walk_in', 'cancelled')
    await appointment(BEFORE, 'walk_in', 'completed')
    // Ratings (the booking service's, by the day they were given): 23:59 the day before (5, outside),
    // 00:00 (5), 10:00 (2), 23:59 (4) inside, 00:00 the day after (1, outside), one link never used.
    const rated = [[5, BEFORE], [5, FIRST], [2, '2025-03-10T02:00:00Z'], [4, LAST], [1, AFTER], [null, null]] as const
    for (const [i, [score, at]] of rated.entries()) {
      await rating(await appointment(`2025-03-05T0${i}:00:00Z`, 'online', 'completed'), score, at)
    }
    // Screenings: the per-day tally.
    for (const [day, matter, outcome] of [[DAY, 'labor_remuneration', 'eligible'], [DAY, 'labor_remuneration', 'eligible'], [DAY, 'other', 'needs_review'], ['2025-03-09', 'other', 'eligible'], ['2025-03-11', 'other', 'eligible']] as const) {
      await bumpScreeningCounter(t.db, day, matter, outcome)
    }
    // Legal aid: received on the day (3), one the day before; decisions on the day: in time, late, in time after a paused clock, refused.
    await application(DAY, null, 'submitted', '2025-03-17')
    await application(DAY, null, 'materials_requested')
    await application(DAY, null, 'withdrawn')
    await application('2025-03-09', null, 'submitted', '2025-03-16')
    await application('2025-03-03', LAST, 'granted', '2025-03-10') // due 03-10, decided 03-10 23:59: in time
    await application('2025-03-01', FIRST, 'assigned', '2025-03-08') // decided 03-10: late
    await application('2025-02-28', '2025-03-10T05:00:00Z', 'refused', '2025-03-12') // clock paused: due 03-12, in time
    await application('2025-03-02', AFTER, 'granted', '2025-03-09') // decided 03-11: outside
  })
  afterAll(async () => { await t?.drop() })

  it('counts each figure from the records, on Beijing days', async () => {
    const d = await dashboardFigures({ db: t.db, now: () => new Date('2025-03-12T00:00:00Z') }, { from: DAY, to: DAY })
    expect(d.calls.total).toBe(3 + 6) // 3 logged inside + 6 calls behind callbacks (all at 00:00 Beijing)
    expect(d.calls.byHour[0]).toBe(7)
    expect(d.calls.byHour[10]).toBe(1)
    expect(d.calls.byHour[23]).toBe(1)
    expect(d.calls.byHour.reduce((a, b) => a + b, 0)).toBe(9)
    expect(d.calls.byTopic).toEqual([{ key: '劳动争议', label: '劳动争议', count: 8 }, { key: '婚姻家庭', label: '婚姻家庭', count: 1 }])
    expect(d.calls.byOutcome).toEqual([
      { key: 'answered', label: '已解答', count: 7 },
      { key: 'legal_aid_screening', label: '已做法律援助初筛', count: 1 },
      { key: 'transferred', label: '已转接', count: 1 },
    ])
    expect(d.calls.byGroup).toEqual([{ key: 'elderly', label: '老年人', count: 2 }, { key: 'disabled', label: '残疾人', count: 1 }])
    expect(d.calls.toldOfLegalAidRight).toBe(1)
    expect(d.callbacks).toEqual({ booked: 4, done: 2, doneInWindow: 1, missed: 2, open: 0 })
    expect(d.screenings.total).toBe(3)
    expect(d.screenings.byOutcome).toEqual([{ key: 'eligible', label: '初步符合条件', count: 2 }, { key: 'needs_review', label: '需要人工审查', count: 1 }])
    expect(d.screenings.byGroup).toEqual([{ key: 'elderly', label: '老年人', count: 1 }])
    expect(d.legalAid).toEqual({ received: 3, decided: 3, decidedWithin7Days: 2, granted: 2 })
    // Callbacks are appointments of the one booking model: 3 visits + 4 callbacks (2 completed, 1 no-show, 1 open).
    expect(d.appointments).toMatchObject({ booked: 7, attended: 3, noShow: 2, cancelled: 2 })
    expect(d.appointments.byChannel).toEqual([{ key: 'hotline_callback', label: '12348 回拨', count: 4 }, { key: 'walk_in', label: '到窗口', count: 2 }, { key: 'online', label: '网上咨询', count: 1 }])
    expect(d.appointments.byLevel).toEqual([{ key: 'none', label: '不在服务点', count: 5 }, { key: 'township', label: '乡镇（街道）级', count: 2 }])
    expect(d.targets.satisfiedRate).toBe(0.9)
    expect(d.satisfaction).toEqual({ responses: 3, satisfied: 2, satisfiedRate: 2 / 3 })
  })

  it('a two-day range includes both days; a callback not yet due is open, not missed', async () => {
    const d = await dashboardFigures({ db: t.db, now: () => new Date('2025-03-10T08:30:00Z') }, { from: '2025-03-09', to: DAY })
    expect(d.calls.total).toBe(10)
    expect(d.callbacks).toMatchObject({ booked: 4, missed: 1, open: 1 })
    expect(d.screenings.total).toBe(4)
    expect(d.legalAid.received).toBe(4)
    expect(d.appointments.attended).toBe(4)
    expect(d.satisfaction).toEqual({ responses: 4, satisfied: 3, satisfiedRate: 3 / 4 })
  })

  it('the server clock zone changes nothing', async () => {
    const tz = process.env.TZ
    process.env.TZ = 'America/Los_Angeles'
    try {
      const d = await dashboardFigures({ db: t.db, now: () => new Date('2025-03-12T00:00:00Z') }, { from: DAY, to: DAY })
      expect(d.calls.total).toBe(9)
      expect(d.calls.byHour[23]).toBe(1)
      expect(d.satisfaction.responses).toBe(3)
    } finally {
      process.env.TZ = tz
    }
  })

  it('reading it is audited with the range', async () => {
    await readDashboard({ db: t.db, now: () => new Date() }, { from: DAY, to: DAY }, { id: op.id, role: 'supervisor' })
    const rows = await t.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.action, 'dashboard.read') })
    expect(rows.map(r => r.detail)).toEqual([{ from: DAY, to: DAY }])
  })
})
