// The search outbox against a real database (PGlite, and PostgreSQL when configured) and a real
// Meilisearch: transactional enqueue, kill-and-recover convergence, two workers, dead letters,
// and a reindex swap that never fails a search.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { asc, eq, gt, inArray, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectSearch, type SearchConnection } from '~~/server/adapters/search/client'
import { freePort, startEmbeddedMeili, type EmbeddedMeili } from '~~/server/adapters/search/embedded'
import { reindex } from '~~/server/adapters/search/indexes'
import { createOutboxWorker } from '~~/server/adapters/search/outbox-worker'
import type { IndexDefinition, SearchDoc } from '~~/server/adapters/search/types'
import { openDb } from '~~/server/db/client'
import { searchOutbox, servicePoints } from '~~/server/db/schema'
import { enqueueSearch } from '~~/server/repositories/search-outbox'
import { drivers, freshDb, type TestDb } from '../../../helpers/db'
import { testSearch } from '../../../helpers/search'

/**
 * The index these tests drive the outbox with: a document per row of the service_points table (the
 * portal itself keeps no service-point index: the finder reads PostgreSQL).
 */
const toDoc = (p: typeof servicePoints.$inferSelect): SearchDoc => ({ id: p.id, code: p.code, name: p.name, level: p.level, address: p.address })
const probeIndex: IndexDefinition = {
  name: 'outbox_probe',
  primaryKey: 'id',
  settings: () => ({ searchableAttributes: ['name', 'address'], filterableAttributes: ['level'] }),
  async loadDocs(db, ids) {
    if (!ids.length) return []
    return (await db.select().from(servicePoints).where(inArray(servicePoints.id, ids))).map(toDoc)
  },
  async* loadAll(db, batchSize) {
    let after = '00000000-0000-0000-0000-000000000000'
    for (;;) {
      const rows = await db.select().from(servicePoints).where(gt(servicePoints.id, after)).orderBy(asc(servicePoints.id)).limit(batchSize)
      if (!rows.length) return
      yield rows.map(toDoc)
      after = rows[rows.length - 1]!.id
    }
  },
  async count(db) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(servicePoints)
    return row?.n ?? 0
  },
}

let counter = 0
async function addPoints(db: TestDb['db'], n: number, enqueue = true): Promise<string[]> {
  return db.transaction(async (tx) => {
    const rows = await tx.insert(servicePoints).values(Array.from({ length: n }, () => {
      counter++
      return { code: `t-${counter}-${Math.random().toString(36).slice(2, 8)}`, level: 'village' as const, name: `测试工作室${counter}`, address: `测试地址${counter}` }
    })).returning({ id: servicePoints.id })
    const ids = rows.map(r => r.id)
    if (enqueue) await enqueueSearch(tx, 'outbox_probe', ids)
    return ids
  })
}

async function indexIds(conn: SearchConnection): Promise<Set<string>> {
  const res = await conn.client.index(conn.uid('outbox_probe')).getDocuments({ limit: 10_000, fields: ['id'] })
  return new Set(res.results.map(d => String(d.id)))
}
async function dbIds(db: TestDb['db']): Promise<Set<string>> {
  return new Set((await db.select({ id: servicePoints.id }).from(servicePoints)).map(r => r.id))
}
async function ensureIndex(conn: SearchConnection) {
  await conn.client.createIndex(conn.uid('outbox_probe'), { primaryKey: 'id' }).waitTask()
}

describe.each(drivers())('search outbox on %s', (driver) => {
  let t: TestDb
  beforeAll(async () => { t = await freshDb(driver) })
  afterAll(async () => { await t?.drop() })

  it('writes the outbox row in the same transaction, and rolls it back with it', async () => {
    await expect(t.db.transaction(async (tx) => {
      const [row] = await tx.insert(servicePoints).values({ code: 'rollback-1', level: 'city', name: '回滚', address: '' }).returning()
      await enqueueSearch(tx, 'outbox_probe', [row!.id])
      throw new Error('boom')
    })).rejects.toThrow('boom')
    expect(await t.db.select().from(servicePoints).where(eq(servicePoints.code, 'rollback-1'))).toHaveLength(0)
    expect(await t.db.select().from(searchOutbox)).toHaveLength(0)

    const [id] = await addPoints(t.db, 1)
    const rows = await t.db.select().from(searchOutbox).where(eq(searchOutbox.docId, id!))
    expect(rows).toMatchObject([{ status: 'pending', version: 1, indexName: 'outbox_probe' }])
    // A second change to the same document coalesces into the same row with a higher version.
    await t.db.transaction(tx => enqueueSearch(tx, 'outbox_probe', [id!]))
    const again = await t.db.select().from(searchOutbox).where(eq(searchOutbox.docId, id!))
    expect(again).toMatchObject([{ status: 'pending', version: 2 }])
  })

  it('sends upserts and deletes, marking rows done only after Meilisearch succeeded', async () => {
    const conn = testSearch()
    await ensureIndex(conn)
    const worker = createOutboxWorker({ db: t.db, search: conn, indexes: [probeIndex] })
    const ids = await addPoints(t.db, 5)
    await worker.drain()
    expect(await indexIds(conn)).toEqual(await dbIds(t.db))
    await t.db.transaction(async (tx) => {
      await tx.delete(servicePoints).where(eq(servicePoints.id, ids[0]!))
      await tx.update(servicePoints).set({ name: '改名后的工作室' }).where(eq(servicePoints.id, ids[1]!))
      await enqueueSearch(tx, 'outbox_probe', [ids[0]!, ids[1]!])
    })
    await worker.drain()
    expect(await indexIds(conn)).toEqual(await dbIds(t.db))
    const doc = await conn.client.index(conn.uid('outbox_probe')).getDocument(ids[1]!)
    expect(doc.name).toBe('改名后的工作室')
    const pending = await t.db.select().from(searchOutbox).where(sql`${searchOutbox.status} <> 'done'`)
    expect(pending).toEqual([])
  })

  it('converges after Meilisearch is killed with changes pending and brought back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kill-meili-'))
    const port = await freePort()
    let meili: EmbeddedMeili = await startEmbeddedMeili({ dir, port })
    try {
      const conn = connectSearch(meili.host, meili.apiKey, 'kill_')
      await reindex(t.db, conn, probeIndex) // baseline: the index equals the database
      const worker = createOutboxWorker({ db: t.db, search: conn, indexes: [probeIndex] }, { baseDelayMs: 20, taskTimeoutMs: 5000 })
      await worker.drain()
      const before = await addPoints(t.db, 20)
      await meili.stop()
      // Changes keep coming while the engine is down: inserts, an update and a delete.
      const during = await addPoints(t.db, 10)
      await t.db.transaction(async (tx) => {
        await tx.delete(servicePoints).where(eq(servicePoints.id, before[0]!))
        await tx.update(servicePoints).set({ name: '停机期间改名' }).where(eq(servicePoints.id, before[1]!))
        await enqueueSearch(tx, 'outbox_probe', [before[0]!, before[1]!])
      })
      // While the engine is down the worker claims nothing: an outage does not use up attempts.
      const r = await worker.runOnce()
      expect(r).toMatchObject({ unavailable: true, claimed: 0, done: 0 })
      const waiting = await t.db.select().from(searchOutbox).where(inArray(searchOutbox.docId, during))
      expect(waiting.every(x => x.status === 'pending' && x.attempts === 0)).toBe(true)

      meili = await startEmbeddedMeili({ dir, port })
      await new Promise(res => setTimeout(res, 100))
      for (let i = 0; i < 50; i++) {
        await worker.drain()
        const [{ n }] = await t.db.select({ n: sql<number>`count(*)::int` }).from(searchOutbox).where(eq(searchOutbox.status, 'pending')) as [{ n: number }]
        if (n === 0) break
        await new Promise(res => setTimeout(res, 100))
      }
      expect(await indexIds(conn)).toEqual(await dbIds(t.db))
      const doc = await conn.client.index(conn.uid('outbox_probe')).getDocument(before[1]!)
      expect(doc.name).toBe('停机期间改名')
    } finally {
      await meili.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('two workers (two instances on one database) process each outbox row once', async () => {
    const conn = testSearch()
    await reindex(t.db, conn, probeIndex) // baseline: the index equals the database
    const second = t.url ? await openDb({ databaseUrl: t.url }) : undefined
    try {
      await addPoints(t.db, 300)
      const pendingBefore = await t.db.select({ id: searchOutbox.id, version: searchOutbox.version }).from(searchOutbox).where(eq(searchOutbox.status, 'pending'))
      const a = createOutboxWorker({ db: t.db, search: conn, indexes: [probeIndex] }, { batchSize: 40 })
      const b = createOutboxWorker({ db: second?.db ?? t.db, search: conn, indexes: [probeIndex] }, { batchSize: 40 })
      const [ra, rb] = await Promise.all([a.drain(), b.drain()])
      const all = [...ra.completed, ...rb.completed].map(x => `${x.id}@${x.version}`)
      expect(new Set(all).size).toBe(all.length)
      expect(all.length).toBe(pendingBefore.length)
      expect(ra.completed.length).toBeGreaterThan(0)
      expect(rb.completed.length).toBeGreaterThan(0)
      expect(await indexIds(conn)).toEqual(await dbIds(t.db))
    } finally {
      await second?.close()
    }
  })

  it('parks a poison document in the dead-letter state and lets the others through', async () => {
    const conn = testSearch()
    await ensureIndex(conn)
    const ids = await addPoints(t.db, 3)
    const poisoned: IndexDefinition = {
      ...probeIndex,
      async loadDocs(db, docIds) {
        const docs = await probeIndex.loadDocs(db, docIds)
        // An id Meilisearch refuses: this document can never be indexed.
        return docs.map(d => (d.id === ids[0] ? { ...d, id: 'bad id with spaces!' } : d))
      },
    }
    const worker = createOutboxWorker({ db: t.db, search: conn, indexes: [poisoned] }, { maxAttempts: 3, baseDelayMs: 1 })
    for (let i = 0; i < 10; i++) {
      await worker.drain()
      await new Promise(res => setTimeout(res, 20))
    }
    const [dead] = await t.db.select().from(searchOutbox).where(eq(searchOutbox.docId, ids[0]!))
    expect(dead).toMatchObject({ status: 'dead', attempts: 3 })
    expect(dead!.lastError).toBeTruthy()
    const others = await t.db.select().from(searchOutbox).where(inArray(searchOutbox.docId, [ids[1]!, ids[2]!]))
    expect(others.map(o => o.status)).toEqual(['done', 'done'])
  })

  it('reindexes into a fresh index and swaps it in with no failed search meanwhile', async () => {
    const conn = testSearch()
    await addPoints(t.db, 200, false)
    await reindex(t.db, conn, probeIndex)
    const expected = (await dbIds(t.db)).size
    let searches = 0
    let failures = 0
    let emptyResults = 0
    let stop = false
    const loop = (async () => {
      while (!stop) {
        try {
          const r = await conn.client.index(conn.uid('outbox_probe')).search('测试', { limit: 1 })
          searches++
          if (r.estimatedTotalHits === 0) emptyResults++
        } catch {
          failures++
        }
      }
    })()
    const result = await reindex(t.db, conn, probeIndex)
    stop = true
    await loop
    expect(result.documents).toBe(expected)
    expect(searches).toBeGreaterThan(0)
    expect(failures).toBe(0)
    expect(emptyResults).toBe(0)
    const stats = await conn.client.index(conn.uid('outbox_probe')).getStats()
    expect(stats.numberOfDocuments).toBe(expected)
  })
})
