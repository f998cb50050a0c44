// The audit log's hash chain on a real database: concurrent writers join it one at a time, the
// verification passes on an untouched log, and catches a row edited, deleted or appended behind
// the app's back by the table owner (who can switch the insert-only triggers off).
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '~~/server/db/schema'
import { verifyAuditChain } from '~~/server/domain/audit/verify'
import { writeAudit } from '~~/server/repositories/audit'
import { drivers, freshDb, type TestDb } from '../../../helpers/db'

describe.each(drivers())('audit hash chain on %s', (driver) => {
  let t: TestDb
  beforeAll(async () => { t = await freshDb(driver) })
  afterAll(async () => { await t?.drop() })

  /** As the owner: switch the insert-only trigger off, run the statement, switch it on again. */
  async function asOwner(statement: ReturnType<typeof sql>) {
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`)
      await tx.execute(statement)
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`)
    })
  }

  it('links every row, also under concurrent writers, and verifies whole', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => writeAudit(t.db, { actor: 'system', action: 'test.chain', objectType: 'test', objectId: `c${i}`, detail: { i, nested: { b: 1, a: [1, 'x'] } } })))
    await t.db.transaction(async (tx) => {
      await writeAudit(tx, { actor: 'cli', action: 'test.chain', objectId: 'in-tx-1' })
      await writeAudit(tx, { actor: 'cli', action: 'test.chain', objectId: 'in-tx-2', outcome: 'denied' })
    })
    // A rolled-back audit row leaves no hole in the chain.
    await expect(t.db.transaction(async (tx) => {
      await writeAudit(tx, { actor: 'cli', action: 'test.chain', objectId: 'rolled-back' })
      throw new Error('boom')
    })).rejects.toThrow('boom')
    const rows = await t.db.select().from(auditLog).orderBy(auditLog.id)
    expect(rows.length).toBeGreaterThanOrEqual(14)
    expect(rows.every(r => r.hash && r.prevHash)).toBe(true)
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash)
    const r = await verifyAuditChain(t.db, 5)
    expect(r).toMatchObject({ ok: true, firstBreak: null })
    expect(r.chained).toBe(rows.length)
  })

  // (A detail value the database supplies, a booking's place number, is written by book_appointment
  // and verified in appointments/booking.test.ts.)
  it('PostgreSQL computes the link in the statement: the same hash JavaScript recomputes, for any text', async () => {
    const tricky = '引号"反斜杠\\ 换行\n制表\t\u0001 \u2028 😀 </script>'
    await writeAudit(t.db, { actor: { id: '00000000-0000-4000-8000-000000000001', role: 'admin' }, action: 'test.chain', objectType: tricky, objectId: tricky, purpose: tricky, ipHash: tricky, detail: { z: tricky, a: [1.5, -2, true, null, { y: tricky, b: 0 }], m: { k: '' } } })
    await t.db.transaction(async (tx) => {
      await writeAudit(tx, { actor: null, action: 'test.chain', objectId: 'no-detail' })
      await writeAudit(tx, { actor: 'system', action: 'test.chain', objectId: 'plain-detail', detail: { slotId: 'x', channel: 'walk_in' } })
    })
    const [none] = await t.db.select().from(auditLog).where(sql`object_id = 'no-detail'`)
    expect(none!.detail).toBeNull()
    const [plain] = await t.db.select().from(auditLog).where(sql`object_id = 'plain-detail'`)
    expect(plain!.detail).toEqual({ slotId: 'x', channel: 'walk_in' })
    const [odd] = await t.db.select().from(auditLog).where(sql`object_type = ${tricky}`)
    expect(odd!.purpose).toBe(tricky)
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, firstBreak: null })
  })

  it('names the first edited row', async () => {
    const [victim] = await t.db.select().from(auditLog).where(sql`object_id = 'c3'`)
    await asOwner(sql`update audit_log set outcome = 'denied' where id = ${victim!.id}`)
    const r = await verifyAuditChain(t.db)
    expect(r.ok).toBe(false)
    expect(r.firstBreak).toEqual({ id: victim!.id, reason: 'edited' })
    await asOwner(sql`update audit_log set outcome = ${victim!.outcome} where id = ${victim!.id}`)
    expect((await verifyAuditChain(t.db)).ok).toBe(true)
  })

  it('names the row after a deleted one, and a removed last row', async () => {
    await writeAudit(t.db, { actor: 'system', action: 'test.chain', objectId: 'tail-1' })
    await writeAudit(t.db, { actor: 'system', action: 'test.chain', objectId: 'tail-2' })
    const rows = await t.db.select().from(auditLog).orderBy(auditLog.id)
    const mid = rows[5]!
    await asOwner(sql`delete from audit_log where id = ${mid.id}`)
    expect((await verifyAuditChain(t.db)).firstBreak).toEqual({ id: rows[6]!.id, reason: 'gap' })
  })

  it('catches a removed last row through the chain head', async () => {
    const t2 = await freshDb(driver)
    try {
      await writeAudit(t2.db, { actor: 'system', action: 'test.chain', objectId: 'a' })
      await writeAudit(t2.db, { actor: 'system', action: 'test.chain', objectId: 'b' })
      await t2.db.transaction(async (tx) => {
        await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`)
        await tx.execute(sql`delete from audit_log where id = (select max(id) from audit_log)`)
        await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`)
      })
      expect((await verifyAuditChain(t2.db)).firstBreak).toMatchObject({ reason: 'head' })
    } finally {
      await t2.drop()
    }
  })
})
