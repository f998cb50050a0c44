// The guard of helpers/pg-overlap.ts (installed for every integration file by setup.ts) on a real
// PostgreSQL: two queries at once in one transaction are caught, with the line that built them;
// the same queries in turn, or at once on the pool (separate connections), are not.
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDb, type TestDb } from './db'
import { installPgOverlapGuard } from './pg-overlap'

describe.skipIf(!process.env.TEST_DATABASE_URL)('the overlapping-query guard on PostgreSQL', () => {
  let t: TestDb
  const guard = installPgOverlapGuard()
  beforeAll(async () => { t = await freshDb('pg') })
  afterAll(async () => { await t?.drop() })

  it('catches a Promise.all over one transaction\'s queries, naming the line that built them', async () => {
    await t.db.transaction(async (tx) => {
      await Promise.all([tx.execute(sql`select pg_sleep(0.05)`), tx.execute(sql`select 2 as two`)])
    })
    const seen = guard.overlaps.splice(0) // taken, so setup.ts's afterAll does not fail this file
    expect(seen).toHaveLength(1)
    expect(seen[0]!.sql).toBe('select 2 as two')
    expect(seen[0]!.origin).toMatch(/pg-overlap\.test\.ts:\d+/)
  })

  it('lets the same queries in turn, and at once on the pool', async () => {
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_sleep(0.05)`)
      await tx.select({ one: sql`1` }).from(sql`(select 1) as x`)
    })
    await Promise.all([t.db.execute(sql`select pg_sleep(0.05)`), t.db.execute(sql`select 2`), t.db.execute(sql`select 3`)])
    expect(guard.overlaps).toEqual([])
  })
})
