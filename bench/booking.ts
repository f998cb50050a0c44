// Booking throughput (issue 9): bookings per second through the real booking service under
// contention, against bare SQL INSERTs of the same rows on the same database in the same run.
// Goal: the service reaches at least 0.3× the bare insert rate.
//
//   npx tsx bench/booking.ts                                   PGlite (in memory)
//   TEST_DATABASE_URL=postgres://… npx tsx bench/booking.ts    then PostgreSQL too (a throwaway database
//                                                              is created and dropped; DATABASE_URL also works)
//   BENCH_ATTEMPTS=300 BENCH_CONCURRENCY=8 BENCH_ROUNDS=3 …    the defaults
//   BENCH_DRIVERS=pg …                                         PostgreSQL only
//
// Service: per round, BENCH_ATTEMPTS people (distinct phones, each from their own address, each
// request with an Idempotency-Key) race BENCH_CONCURRENCY at a time for slots of 3 places, two
// people per place: half get a place, half get 409 SLOT_FULL (contention). Each booking takes the
// key/address/phone locks (on PostgreSQL; PGlite runs one transaction at a time) and the slot row, checks the limits, takes a place, and writes the
// appointment, its confirmation text and its hash-chained audit row, as POST /api/appointments
// does (HTTP not included): one statement per attempt, book_appointment (migration 0019), plus one
// for the first attempt at each slot (its facts for the text). After the rounds (outside the
// clock) the bench checks that every booking has its text and its audit row and no slot is overbooked.
// Bare: the rows the booked half wrote (values computed before the clock starts), written with the
// driver's own query() and no ORM, transaction, lock or check: (a) appointment + text + audit row,
// three INSERTs per booking, the same rows the service writes; (b) the appointment row alone.
// Same concurrency. Service and bare phases alternate over BENCH_ROUNDS rounds (the machine's
// load drifts) and the totals are compared. The goal is judged against (a); (b) is printed too.
import { randomBytes, randomUUID } from 'node:crypto'
import pg from 'pg'
import { openDb, type DbHandle } from '../server/db/client'
import { appointmentSlots, servicePoints } from '../server/db/schema'
import { personalDataCrypto } from '../server/domain/crypto/aead'
import * as svc from '../server/domain/appointments/service'
import { hashToken, newToken, phoneAad, tokenAad } from '../server/domain/appointments/booking'
import { appointmentReference } from '../server/domain/appointments/rules'
import type { DomainError } from '../server/domain/errors'
import { maskPhone } from '../shared/domain/applications/mask'
import { addDays, atShanghai, shanghaiDay } from '../shared/time/calendar'

const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 300)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8)
const CAPACITY = 3
const PER_PLACE = 2
const TARGET = 0.3
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const HOUR = 3600_000

const crypto = personalDataCrypto(randomBytes(32))
let phoneSeq = 0
const newPhone = () => `139${String(10_000_000 + ++phoneSeq * 7_919 % 89_999_999).padStart(8, '0')}`

async function pool<T>(items: T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) await fn(items[next++]!)
  }))
}

async function makeSlots(h: DbHandle, pointId: string, count: number, dayOffset: number) {
  const day = addDays(shanghaiDay(new Date()), dayOffset)
  const rows = Array.from({ length: count }, (_, i) => {
    const startsAt = new Date(atShanghai(day, '08:00').getTime() + i * 60_000)
    return { channel: 'walk_in' as const, servicePointId: pointId, startsAt, endsAt: new Date(startsAt.getTime() + HOUR), capacity: CAPACITY }
  })
  return h.db.insert(appointmentSlots).values(rows).returning({ id: appointmentSlots.id })
}

const cpuMs = (since: NodeJS.CpuUsage) => { const d = process.cpuUsage(since); return (d.user + d.system) / 1000 }

interface Query { query: (text: string, params: unknown[]) => Promise<unknown> }

const APPT_SQL = `insert into appointments (id, reference, slot_id, slot_no, slot_day, channel, name, phone_enc, phone_hash, phone_masked, topic, note, status,
  manage_token_hash, manage_token_enc, idempotency_key, request_hash, ip_hash) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18)`
const TEXT_SQL = 'insert into notification_outbox (kind, appointment_id, dedupe_key, body_enc, due_at) values ($1,$2,$3,$4,$5)'
const AUDIT_SQL = 'insert into audit_log (action, object_type, object_id, ip_hash, detail, prev_hash, hash) values ($1,$2,$3,$4,$5,$6,$7)'

async function round(h: DbHandle, deps: svc.AppointmentDeps, pointId: string, r: number) {
  const slotCount = Math.ceil(ATTEMPTS / (CAPACITY * PER_PLACE))
  // 1. The booking service under contention.
  const slots = await makeSlots(h, pointId, slotCount, 2 + 3 * r)
  const attempts = Array.from({ length: slotCount * CAPACITY * PER_PLACE }, (_, i) => ({ slotId: slots[i % slots.length]!.id, phone: newPhone(), ipHash: `ip-${r}-${i}` }))
  const outcomes = new Map<string, number>()
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  await pool(attempts, CONCURRENCY, async (a) => {
    let code = 'ok'
    try {
      await svc.bookAppointment(deps, { slotId: a.slotId, name: '张三', phone: a.phone, topic: '劳动争议', note: '工地欠薪三个月。', ipHash: a.ipHash, idempotencyKey: `bench-${a.phone}` })
    } catch (e) { code = (e as DomainError).code ?? String(e) }
    outcomes.set(code, (outcomes.get(code) ?? 0) + 1)
  })
  const serviceMs = performance.now() - t0
  const serviceCpu = cpuMs(c0)
  const booked = outcomes.get('ok') ?? 0
  if (booked !== slotCount * CAPACITY) throw new Error(`expected ${slotCount * CAPACITY} bookings, got ${booked}: ${JSON.stringify([...outcomes])}`)

  // 2. Bare INSERTs of the same rows (values computed before the clock starts).
  const client = (h.db as unknown as { $client: Query }).$client
  const bare = async (dayOffset: number, withTextAndAudit: boolean) => {
    const slotsOf = await makeSlots(h, pointId, slotCount, dayOffset)
    const day = addDays(shanghaiDay(new Date()), dayOffset)
    const rows = Array.from({ length: booked }, (_, i) => {
      const id = randomUUID()
      const phone = newPhone()
      const token = newToken()
      return {
        id,
        appt: [id, appointmentReference(new Date()), slotsOf[Math.floor(i / CAPACITY)]!.id, (i % CAPACITY) + 1, day, 'walk_in', '张三',
          crypto.cipher.encrypt(phone, phoneAad(id)), crypto.lookup(phone, 'phone'), maskPhone(phone), '劳动争议', '工地欠薪三个月。', 'booked',
          hashToken(token), crypto.cipher.encrypt(token, tokenAad(id)), crypto.lookup(`bench-${phone}`, 'idempotency-key'), crypto.lookup(phone, 'request'), `bare-${r}-${i}`],
        text: ['confirmation', id, `confirmation:${id}`, crypto.cipher.encrypt('【银川公共法律服务】您已预约……', `notification_outbox:confirmation:${id}`), new Date()],
        audit: ['appointment.book', 'appointment', id, `bare-${r}-${i}`, JSON.stringify({ slotId: slotsOf[0]!.id, slotNo: 1, channel: 'walk_in', onBehalf: false }), '0'.repeat(64), '0'.repeat(64)],
      }
    })
    const c = process.cpuUsage()
    const t = performance.now()
    await pool(rows, CONCURRENCY, async (row) => {
      await client.query(APPT_SQL, row.appt)
      if (withTextAndAudit) {
        await client.query(TEXT_SQL, row.text)
        await client.query(AUDIT_SQL, row.audit)
      }
    })
    return { ms: performance.now() - t, cpu: cpuMs(c) }
  }
  const sameRowsMs = await bare(3 + 3 * r, true)
  const apptOnlyMs = await bare(4 + 3 * r, false)
  return { attempts: attempts.length, booked, outcomes, serviceMs, serviceCpu, sameRowsMs: sameRowsMs.ms, sameRowsCpu: sameRowsMs.cpu, apptOnlyMs: apptOnlyMs.ms }
}

async function run(label: string, h: DbHandle): Promise<number> {
  const deps: svc.AppointmentDeps = { db: h.db, crypto, now: () => new Date(), limits: { perAddressPerHour: 1_000_000 } }
  const [point] = await h.db.insert(servicePoints).values({ code: `bench-${randomBytes(3).toString('hex')}`, level: 'county', name: '基准测试服务点', county: 'xingqing', address: '测试路 1 号' }).returning()
  // Warm-up (statement plans, JIT, the PGlite WASM heap), not timed.
  const warm = await makeSlots(h, point!.id, 5, 1)
  for (const s of warm) await svc.bookAppointment(deps, { slotId: s.id, name: '预热', phone: newPhone(), topic: '劳动争议', ipHash: 'warm' })

  const totals = { attempts: 0, booked: 0, serviceMs: 0, serviceCpu: 0, sameRowsMs: 0, sameRowsCpu: 0, apptOnlyMs: 0 }
  const outcomes = new Map<string, number>()
  for (let r = 0; r < ROUNDS; r++) {
    const x = await round(h, deps, point!.id, r)
    totals.attempts += x.attempts
    totals.booked += x.booked
    totals.serviceMs += x.serviceMs
    totals.serviceCpu += x.serviceCpu
    totals.sameRowsCpu += x.sameRowsCpu
    totals.sameRowsMs += x.sameRowsMs
    totals.apptOnlyMs += x.apptOnlyMs
    for (const [k, v] of x.outcomes) outcomes.set(k, (outcomes.get(k) ?? 0) + v)
  }
  // The service's guarantees held (outside the clock): each of its bookings has its confirmation text
  // and its audit row on the chain (the bare rows carry dummy hashes, so the chain itself is checked
  // by test/integration/server/domain/appointments/booking.test.ts, not here).
  const client = (h.db as unknown as { $client: { query: (text: string) => Promise<{ rows: Array<Record<string, unknown>> }> } }).$client
  const { rows: [check] } = await client.query(`select
      (select count(*)::int from appointments where ip_hash not like 'bare-%') as booked,
      (select count(*)::int from notification_outbox n join appointments a on a.id = n.appointment_id where a.ip_hash not like 'bare-%' and n.kind = 'confirmation') as texts,
      (select count(*)::int from audit_log where action = 'appointment.book' and hash <> '${'0'.repeat(64)}') as audited,
      (select count(*)::int from appointment_slots where booked > capacity) as overbooked`)
  const expected = totals.booked + 5
  if (check!.booked !== expected || check!.texts !== expected || check!.audited !== expected || check!.overbooked !== 0) {
    throw new Error(`the service's writes do not add up: ${JSON.stringify(check)}, expected ${expected} bookings`)
  }
  const perS = (n: number, ms: number) => n / (ms / 1000)
  const service = perS(totals.booked, totals.serviceMs)
  const sameRows = perS(totals.booked, totals.sameRowsMs)
  const apptOnly = perS(totals.booked, totals.apptOnlyMs)
  const refused = [...outcomes].filter(([k]) => k !== 'ok').map(([k, v]) => `${v} ${k}`).join(', ')
  console.log(`\n${label}: ${ROUNDS} rounds × ${totals.attempts / ROUNDS} attempts, ${CONCURRENCY} at a time, slots of ${CAPACITY} places, ${PER_PLACE} people per place`)
  console.log(`  booking service            ${totals.booked} booked (${refused}) in ${totals.serviceMs.toFixed(0)} ms = ${service.toFixed(1)} bookings/s (${perS(totals.attempts, totals.serviceMs).toFixed(1)} attempts/s)`)
  console.log(`  (a) bare INSERTs, same rows ${totals.booked} × (appointment + text + audit row) in ${totals.sameRowsMs.toFixed(0)} ms = ${sameRows.toFixed(1)} bookings' rows/s`)
  console.log(`  (b) bare INSERT, appointment row only ${totals.booked} rows in ${totals.apptOnlyMs.toFixed(0)} ms = ${apptOnly.toFixed(1)} rows/s`)
  const ratio = service / sameRows
  console.log(`  ratio service / (a)        ${ratio.toFixed(2)}× (goal ≥ ${TARGET}×) ${ratio >= TARGET ? 'met' : 'NOT met'}`)
  console.log(`  ratio service / (b)        ${(service / apptOnly).toFixed(2)}×`)
  // With PGlite the database runs in this process, so its CPU time is a load-independent cross-check.
  if (h.driver === 'pglite') console.log(`  CPU time of this process   service ${totals.serviceCpu.toFixed(0)} ms, (a) ${totals.sameRowsCpu.toFixed(0)} ms: ratio ${(totals.sameRowsCpu / totals.serviceCpu).toFixed(2)}×`)
  else console.log(`  CPU time of this process   service ${totals.serviceCpu.toFixed(0)} ms, (a) ${totals.sameRowsCpu.toFixed(0)} ms (the client side only: PostgreSQL works in its own processes)`)
  return ratio
}

async function throwawayPg(admin: string): Promise<{ url: string, drop: () => Promise<void> }> {
  const name = `bench_booking_${randomBytes(4).toString('hex')}`
  const c = new pg.Client({ connectionString: admin })
  await c.connect()
  await c.query(`create database ${name} template template0 encoding 'UTF8'`)
  await c.end()
  const u = new URL(admin)
  u.pathname = `/${name}`
  return {
    url: u.toString(),
    async drop() {
      const d = new pg.Client({ connectionString: admin })
      await d.connect()
      await d.query(`drop database if exists ${name} with (force)`)
      await d.end()
    },
  }
}

const ratios: number[] = []
if (process.env.BENCH_DRIVERS !== 'pg') {
  const h = await openDb({ pgliteDir: 'memory://' })
  await h.migrate()
  try { ratios.push(await run('PGlite (in memory)', h)) } finally { await h.close() }
}
const pgUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL
if (pgUrl) {
  const tmp = await throwawayPg(pgUrl)
  const h = await openDb({ databaseUrl: tmp.url, poolMax: CONCURRENCY })
  try {
    await h.migrate()
    ratios.push(await run(`PostgreSQL (${new URL(pgUrl).host}, pool of ${CONCURRENCY})`, h))
  } finally {
    await h.close()
    await tmp.drop()
  }
} else {
  console.log('\nPostgreSQL: skipped (set TEST_DATABASE_URL or DATABASE_URL)')
}
process.exitCode = ratios.every(r => r >= TARGET) ? 0 : 1
