// Migration 0015 moves the hotline's old callbacks (tables callbacks, callback_windows) onto the one
// booking model: a database at migration 0014 holding callbacks of every status is migrated, and
// every callback must arrive as an appointment of channel hotline_callback with the same id (attempts,
// assignments and audit rows follow), its phone still readable, its place kept; nothing is lost.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes, randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultMigrationsFolder } from '~~/server/db/client'
import { personalDataCrypto } from '~~/server/domain/crypto/aead'
import { decryptPhone } from '~~/server/domain/appointments/booking'
import { rowsOf } from '~~/server/repositories/search-outbox'
import { drivers, freshDb, type TestDb } from '../../helpers/db'

const HOUR = 3600_000
const crypto = personalDataCrypto(randomBytes(32))
const [PHONE_A, PHONE_B, PHONE_C, PHONE_D] = ['13900000001', '13900000002', '13900000003', '13900000004']

/** A copy of the migrations folder that stops at `lastIdx` (its journal cut there). */
function migrationsUpTo(lastIdx: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'mig-'))
  cpSync(defaultMigrationsFolder(), dir, { recursive: true })
  const journalPath = join(dir, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ idx: number }> }
  journal.entries = journal.entries.filter(e => e.idx <= lastIdx)
  writeFileSync(journalPath, JSON.stringify(journal))
  return dir
}

describe.each(drivers())('migration 0015 moves callbacks onto appointments on %s', (driver) => {
  let t: TestDb
  let folder: string
  const ids = { cb1: randomUUID(), cb2: randomUUID(), cb3: randomUUID(), cb4: randomUUID(), cb5: randomUUID() }
  const future = new Date(Date.now() + 3 * 24 * HOUR)
  future.setUTCHours(1, 0, 0, 0) // 09:00 Beijing, three days ahead
  const past = new Date(future.getTime() - 10 * 24 * HOUR)
  const day = (d: Date) => new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 10)
  const rows = async (q: ReturnType<typeof sql>) => rowsOf<Record<string, unknown>>(await t.db.execute(q))

  beforeAll(async () => {
    folder = migrationsUpTo(14)
    t = await freshDb(driver, { migrationsFolder: folder })
    const [op] = await rows(sql`insert into staff_users (username, role, password_hash, display_name) values ('op.mig', 'operator', 'x', '坐席') returning id`)
    const opId = op!.id as string
    const call = async (phone: string) => {
      const id = randomUUID()
      await t.db.execute(sql`insert into hotline_calls (id, reference, operator_id, started_at, topic, summary, caller_phone_enc, caller_phone_hash, caller_phone_masked, outcome)
        values (${id}, ${`RX-2026-${randomBytes(3).toString('hex')}`}, ${opId}, now(), '劳动争议', '请律师回电。', ${crypto.cipher.encrypt(phone, `hotline_calls:${id}:caller_phone`)}, ${crypto.lookup(phone, 'phone')}, '139****0000', 'callback_booked')`)
      return id
    }
    const window = async (startsAt: Date, capacity: number, isDemo = false) => {
      const [w] = await rows(sql`insert into callback_windows (starts_at, ends_at, capacity, is_demo) values (${startsAt.toISOString()}::timestamptz, ${new Date(startsAt.getTime() + HOUR).toISOString()}::timestamptz, ${capacity}, ${isDemo}) returning id`)
      return w!.id as string
    }
    const callback = async (id: string, windowId: string, phone: string, status: string, slotNo: number, completed = false) => {
      await t.db.execute(sql`insert into callbacks (id, call_id, window_id, phone_enc, phone_hash, phone_masked, status, slot_no, completed_at, completed_by)
        values (${id}, ${await call(phone)}, ${windowId}, ${crypto.cipher.encrypt(phone, `callbacks:${id}:phone`)}, ${crypto.lookup(phone, 'phone')}, '139****0000', ${status}, ${slotNo},
          ${completed ? past.toISOString() : null}::timestamptz, ${completed ? opId : null})`)
    }
    // A slot the schedules already made at the same start as window 1, with a resident's booking of phone A.
    const [slot] = await rows(sql`insert into appointment_slots (channel, starts_at, ends_at, capacity, booked) values ('hotline_callback', ${future.toISOString()}::timestamptz, ${new Date(future.getTime() + HOUR).toISOString()}::timestamptz, 2, 1) returning id`)
    await t.db.execute(sql`insert into appointments (reference, slot_id, slot_no, slot_day, channel, phone_enc, phone_hash, phone_masked, topic, status)
      values ('YY-2026-AAAAAA', ${slot!.id as string}, 1, ${day(future)}::date, 'hotline_callback', 'enc:x', ${crypto.lookup(PHONE_A, 'phone')}, '139****0001', '工伤', 'booked')`)
    const w1 = await window(future, 2)
    await callback(ids.cb1, w1, PHONE_A, 'booked', 1) // same phone and day as the resident's booking
    await callback(ids.cb2, w1, PHONE_B, 'booked', 2)
    await callback(ids.cb3, w1, PHONE_C, 'cancelled', 1)
    const w2 = await window(past, 4)
    await callback(ids.cb4, w2, PHONE_D, 'done', 1, true)
    await callback(ids.cb5, w2, PHONE_B, 'missed', 2)
    for (const n of [1, 2, 3]) await t.db.execute(sql`insert into callback_attempts (callback_id, attempt_no, result, at, by) values (${ids.cb5}, ${n}, 'no_answer', now(), ${opId})`)
    await t.db.execute(sql`insert into callback_assignments (callback_id, operator_id, assigned_by, assigned_at) values (${ids.cb4}, ${opId}, ${opId}, now())`)
    await window(new Date(future.getTime() + 5 * HOUR), 4, true) // empty demo window: the schedules replace it
    await window(new Date(future.getTime() + 6 * HOUR), 3) // empty window someone set up: kept as a slot

    await t.migrate() // 0015 and later
  })
  afterAll(async () => {
    await t?.drop()
    rmSync(folder, { recursive: true, force: true })
  })

  it('retires the old tables only after every callback arrived, with the same id and a readable phone', async () => {
    const [gone] = await rows(sql`select to_regclass('public.callbacks')::text as a, to_regclass('public.callback_windows')::text as b`)
    expect(gone).toEqual({ a: null, b: null })
    const moved = await rows(sql`select a.id, a.status, a.slot_no, a.channel, a.reference, a.call_id, a.phone_enc, a.phone_aad, a.completed_by, s.starts_at
      from appointments a join appointment_slots s on s.id = a.slot_id where a.id in (${sql.join(Object.values(ids).map(i => sql`${i}`), sql`, `)})`)
    const byId = new Map(moved.map(r => [r.id as string, r]))
    expect(moved).toHaveLength(5)
    expect(Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, byId.get(id)!.status]))).toEqual({
      cb1: 'cancelled', cb2: 'booked', cb3: 'cancelled', cb4: 'completed', cb5: 'no_show',
    })
    for (const r of moved) {
      expect(r.channel).toBe('hotline_callback')
      expect(r.reference).toMatch(/^YY-\d{4}-[2-9A-HJ-NP-Z]{6}$/)
      expect(r.call_id).toEqual(expect.any(String))
    }
    expect(byId.get(ids.cb2)!.slot_no).toBe(2) // after the resident's place 1
    expect(byId.get(ids.cb4)!.completed_by).toEqual(expect.any(String))
    const cb2 = byId.get(ids.cb2)!
    expect(decryptPhone({ db: t.db, crypto, now: () => new Date() }, { id: ids.cb2, phoneEnc: cb2.phone_enc as string, phoneAad: cb2.phone_aad as string })).toBe(PHONE_B)
  })

  it('counts the places taken, keeps non-demo windows as slots, and ties attempts and assignments to appointments', async () => {
    const slots = await rows(sql`select starts_at, capacity, booked from appointment_slots where channel = 'hotline_callback' order by starts_at`)
    expect(slots.map(s => [Number(s.capacity), Number(s.booked)])).toEqual([[4, 2], [2, 2], [3, 0]])
    const attempts = await rows(sql`select count(*)::int as n from callback_attempts a join appointments p on p.id = a.callback_id where p.id = ${ids.cb5}`)
    expect(attempts[0]!.n).toBe(3)
    await expect(t.db.execute(sql`insert into callback_attempts (callback_id, attempt_no, result, at, by)
      select ${randomUUID()}, 1, 'busy', now(), id from staff_users limit 1`)).rejects.toThrow()
  })
})
