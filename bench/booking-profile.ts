// Profile of the booking transaction (issue 9): how many statements (round trips) one booking and
// one refusal cost, and where the time goes, counted by wrapping the database client. Same race as
// bench/booking.ts (two people per place, BENCH_CONCURRENCY at a time, every request with an
// Idempotency-Key and its own address), on PGlite and, with TEST_DATABASE_URL, PostgreSQL.
//
//   npx tsx bench/booking-profile.ts
//   TEST_DATABASE_URL=postgres://… npx tsx bench/booking-profile.ts
//
// Per statement kind: how many per booked place, and the wall time spent in them (on PostgreSQL that
// includes waiting for locks: the audit chain head, the slot row, the advisory locks). A booking
// attempt is one statement (book_appointment); the first attempt at a slot this process has not
// seen costs a second one (its facts come back with a 'stale' answer, see server/domain/appointments/booking.ts).
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openDb, type DbHandle } from '../server/db/client'
import { appointmentSlots, servicePoints } from '../server/db/schema'
import { personalDataCrypto } from '../server/domain/crypto/aead'
import * as svc from '../server/domain/appointments/service'
import type { DomainError } from '../server/domain/errors'
import { addDays, atShanghai, shanghaiDay } from '../shared/time/calendar'

const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 120)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8)
const CAPACITY = 3
const crypto = personalDataCrypto(randomBytes(32))
let phoneSeq = 0
const newPhone = () => `139${String(10_000_000 + ++phoneSeq * 7_919 % 89_999_999).padStart(8, '0')}`

interface Stat { n: number, ms: number, cpu: number }
const stats = new Map<string, Stat>()
let recording = false
function kindOf(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim().toLowerCase()
  if (/^(begin|commit|rollback)/.test(t)) return t.split(' ')[0]!
  if (t.includes('from book_appointment(')) return 'book_appointment (locks, checks, place, booking, text, audit row: one statement)'
  if (t.includes('pg_advisory_xact_lock')) return 'advisory locks'
  if (t.includes('audit_chain_head') && t.includes('insert into audit_log')) return 'audit row (head lock + row + head, one statement)'
  if (t.includes('audit_chain_head') && t.includes('insert into "audit_log"')) return 'audit: row + head'
  if (t.includes('audit_chain_head') && t.includes('for update')) return 'audit: lock head'
  if (t.includes('audit_log')) return 'audit: row'
  if (t.includes('update appointment_slots set booked = booked + 1')) return 'take place + insert booking + text'
  if (t.includes('for update') && t.includes('appointment_slots')) return 'slot (for update) + context'
  return t.slice(0, 70)
}
async function timed<T>(text: string, run: () => Promise<T>): Promise<T> {
  if (!recording) return run()
  const t0 = performance.now()
  const c0 = process.cpuUsage()
  try { return await run() } finally {
    const k = kindOf(text)
    const s = stats.get(k) ?? { n: 0, ms: 0, cpu: 0 }
    const c = process.cpuUsage(c0)
    s.n++
    s.ms += performance.now() - t0
    s.cpu += (c.user + c.system) / 1000
    stats.set(k, s)
  }
}
const textOf = (q: unknown) => typeof q === 'string' ? q : (q as { text?: string }).text ?? ''

// node-postgres: every pooled connection is a pg.Client. A round trip starts when a statement is sent
// while none of the connection's earlier ones is still waiting for its answer (pipelined statements
// share one).
let roundTrips = 0
const inFlight = new WeakMap<object, number>()
const origQuery = pg.Client.prototype.query as (...a: unknown[]) => unknown
pg.Client.prototype.query = function (this: pg.Client, ...a: unknown[]) {
  const n = inFlight.get(this) ?? 0
  if (recording && n === 0) roundTrips++
  inFlight.set(this, n + 1)
  const done = () => inFlight.set(this, (inFlight.get(this) ?? 1) - 1)
  // With a callback (pg.Pool.query passes one): timed until the callback runs.
  const cb = a[a.length - 1]
  if (typeof cb === 'function') {
    let finish!: () => void
    void timed(textOf(a[0]), () => new Promise<void>((resolve) => { finish = resolve }))
    a[a.length - 1] = (...x: unknown[]) => { finish(); done(); return (cb as (...y: unknown[]) => unknown)(...x) }
    return origQuery.apply(this, a)
  }
  const r = origQuery.apply(this, a)
  if (r && typeof (r as Promise<unknown>).then === 'function') {
    return timed(textOf(a[0]), () => r as Promise<unknown>).finally(done)
  }
  done()
  return r
} as typeof pg.Client.prototype.query

// PGlite: wrap the instance's query/exec and the handle its transactions pass on.
function wrapPglite(client: Record<string, unknown>) {
  type Fn = (...a: unknown[]) => Promise<unknown>
  const wrap = (o: Record<string, unknown>, name: string) => {
    const f = o[name] as Fn
    o[name] = (...a: unknown[]) => timed(String(a[0]), () => f.apply(o, a))
  }
  const tr = client.transaction as (cb: (tx: Record<string, unknown>) => Promise<unknown>) => Promise<unknown>
  // BEGIN and COMMIT/ROLLBACK run inside PGlite (private methods): counted, with the transaction's own time.
  client.transaction = (cb: (tx: Record<string, unknown>) => Promise<unknown>) => tr.call(client, async (tx) => {
    wrap(tx, 'query')
    wrap(tx, 'exec')
    if (recording) {
      for (const k of ['begin', 'commit/rollback']) {
        const s = stats.get(k) ?? { n: 0, ms: 0, cpu: 0 }
        s.n++
        stats.set(k, s)
      }
    }
    return cb(tx)
  })
  wrap(client, 'query')
  wrap(client, 'exec')
}

async function makeSlots(h: DbHandle, pointId: string, count: number, dayOffset: number) {
  const day = addDays(shanghaiDay(new Date()), dayOffset)
  const rows = Array.from({ length: count }, (_, i) => {
    const startsAt = new Date(atShanghai(day, '08:00').getTime() + i * 60_000)
    return { channel: 'walk_in' as const, servicePointId: pointId, startsAt, endsAt: new Date(startsAt.getTime() + 3600_000), capacity: CAPACITY }
  })
  return h.db.insert(appointmentSlots).values(rows).returning({ id: appointmentSlots.id })
}

async function profile(label: string, h: DbHandle) {
  const deps: svc.AppointmentDeps = { db: h.db, crypto, now: () => new Date(), limits: { perAddressPerHour: 1_000_000 } }
  const [point] = await h.db.insert(servicePoints).values({ code: `prof-${randomBytes(3).toString('hex')}`, level: 'county', name: '基准测试服务点', county: 'xingqing', address: '测试路 1 号' }).returning()
  const warm = await makeSlots(h, point!.id, 3, 1)
  for (const s of warm) await svc.bookAppointment(deps, { slotId: s.id, name: '预热', phone: newPhone(), topic: '劳动争议', ipHash: 'warm' })
  const slotCount = Math.ceil(ATTEMPTS / (CAPACITY * 2))
  const slots = await makeSlots(h, point!.id, slotCount, 2)
  const attempts = Array.from({ length: slotCount * CAPACITY * 2 }, (_, i) => ({ slotId: slots[i % slots.length]!.id, phone: newPhone(), ipHash: `ip-${i}` }))
  const outcomes = new Map<string, number>()
  stats.clear()
  roundTrips = 0
  recording = true
  const t0 = performance.now()
  const cpu0 = process.cpuUsage()
  let next = 0
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < attempts.length) {
      const a = attempts[next++]!
      let code = 'ok'
      try {
        await svc.bookAppointment(deps, { slotId: a.slotId, name: '张三', phone: a.phone, topic: '劳动争议', note: '工地欠薪三个月。', ipHash: a.ipHash, idempotencyKey: `bench-${a.phone}` })
      } catch (e) { code = (e as DomainError).code ?? String(e) }
      outcomes.set(code, (outcomes.get(code) ?? 0) + 1)
    }
  }))
  const wall = performance.now() - t0
  const cpuAll = process.cpuUsage(cpu0)
  recording = false
  const booked = outcomes.get('ok') ?? 0
  const total = [...stats.values()].reduce((a, s) => a + s.n, 0)
  console.log(`\n${label}: ${attempts.length} attempts (${[...outcomes].map(([k, v]) => `${v} ${k}`).join(', ')}), ${CONCURRENCY} at a time, ${wall.toFixed(0)} ms, CPU time of this process ${((cpuAll.user + cpuAll.system) / 1000).toFixed(0)} ms`)
  console.log('  (CPU per statement is exact only with BENCH_CONCURRENCY=1 on PGlite: otherwise other requests run in between)')
  console.log(`  statements: ${total} = ${(total / booked).toFixed(2)} per booked place (${(total / attempts.length).toFixed(2)} per attempt)`)
  if (h.driver === 'pg') console.log(`  round trips: ${roundTrips} = ${(roundTrips / booked).toFixed(2)} per booked place (${(roundTrips / attempts.length).toFixed(2)} per attempt)`)
  console.log('  (statements sent together overlap: their times include each other\'s and are not additive)')
  for (const [k, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms)) {
    console.log(`  ${k.padEnd(44)} ${String(s.n).padStart(5)} × = ${(s.n / booked).toFixed(2)}/booking   ${s.ms.toFixed(0).padStart(6)} ms (${(s.ms / s.n).toFixed(2)} ms each), CPU ${s.cpu.toFixed(0)} ms`)
  }
}

{
  const h = await openDb({ pgliteDir: 'memory://' })
  await h.migrate()
  wrapPglite((h.db as unknown as { $client: Record<string, unknown> }).$client)
  try { await profile('PGlite (in memory)', h) } finally { await h.close() }
}
const pgUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL
if (pgUrl) {
  const name = `bench_profile_${randomBytes(4).toString('hex')}`
  const c = new pg.Client({ connectionString: pgUrl })
  await c.connect()
  await c.query(`create database ${name} template template0 encoding 'UTF8'`)
  await c.end()
  const u = new URL(pgUrl)
  u.pathname = `/${name}`
  const h = await openDb({ databaseUrl: u.toString(), poolMax: CONCURRENCY })
  try {
    await h.migrate()
    await profile(`PostgreSQL (pool of ${CONCURRENCY})`, h)
  } finally {
    await h.close()
    const d = new pg.Client({ connectionString: pgUrl })
    await d.connect()
    await d.query(`drop database if exists ${name} with (force)`)
    await d.end()
  }
}
