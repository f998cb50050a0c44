// Queries on the search outbox. No policy here: the worker decides what to do with rows.
import { and, desc, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import { searchOutbox, type OutboxRow } from '../db/schema'

/**
 * Marks documents as needing to reach the index. Call it inside the transaction that changes them,
 * so the outbox row commits or rolls back with the change.
 */
export async function enqueueSearch(tx: DbOrTx, indexName: string, docIds: readonly string[]): Promise<void> {
  const ids = [...new Set(docIds)]
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000)
    await tx.insert(searchOutbox)
      .values(chunk.map(docId => ({ indexName, docId })))
      .onConflictDoUpdate({
        target: [searchOutbox.indexName, searchOutbox.docId],
        set: {
          version: sql`${searchOutbox.version} + 1`,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: sql`now()`,
          lastError: null,
          updatedAt: sql`now()`,
        },
      })
  }
}

export interface ClaimedRow { id: number, indexName: string, docId: string, version: number, attempts: number }

/**
 * Claims up to `limit` due rows for `workerId` with a lease. FOR UPDATE SKIP LOCKED lets several
 * app instances claim at once without taking the same row; the lease keeps a row out of other
 * workers' hands while this one talks to Meilisearch (outside any transaction).
 */
export async function claimOutbox(db: DbOrTx, workerId: string, limit: number, leaseMs: number): Promise<ClaimedRow[]> {
  type Row = { id: string | number, index_name: string, doc_id: string, version: number, attempts: number }
  const res = await db.execute(sql`
    update search_outbox o
       set locked_by = ${workerId},
           locked_until = now() + (${leaseMs}::int * interval '1 millisecond')
     where o.id in (
       select id from search_outbox
        where status = 'pending' and next_attempt_at <= now()
          and (locked_until is null or locked_until < now())
        order by next_attempt_at, id
        limit ${limit}
        for update skip locked)
    returning o.id, o.index_name, o.doc_id, o.version, o.attempts`)
  return rowsOf<Row>(res).map(r => ({ id: Number(r.id), indexName: r.index_name, docId: r.doc_id, version: r.version, attempts: r.attempts }))
}

/** Done only if nobody changed the document since it was claimed; otherwise it stays pending. */
export async function completeOutbox(db: DbOrTx, workerId: string, rows: readonly ClaimedRow[]): Promise<number> {
  let done = 0
  for (const r of rows) {
    const res = await db.execute(sql`
      update search_outbox
         set status = case when version = ${r.version} then 'done' else 'pending' end,
             locked_by = null, locked_until = null, last_error = null, updated_at = now()
       where id = ${r.id} and locked_by = ${workerId}
       returning status`)
    if (rowsOf<{ status: string }>(res)[0]?.status === 'done') done++
  }
  return done
}

/** Schedules a retry with exponential backoff, or parks the row as dead after `maxAttempts`. */
export async function failOutbox(db: DbOrTx, workerId: string, rows: readonly ClaimedRow[], error: string, maxAttempts: number, baseDelayMs: number): Promise<void> {
  for (const r of rows) {
    const attempts = r.attempts + 1
    const dead = attempts >= maxAttempts
    const delay = Math.min(baseDelayMs * 2 ** (attempts - 1), 10 * 60_000)
    await db.execute(sql`
      update search_outbox
         set attempts = ${attempts},
             status = ${dead ? 'dead' : 'pending'},
             next_attempt_at = now() + (${delay}::int * interval '1 millisecond'),
             last_error = ${error.slice(0, 500)},
             locked_by = null, locked_until = null, updated_at = now()
       where id = ${r.id} and locked_by = ${workerId}`)
  }
}

/** Rows still to reach the engine (of one index when `indexName` is given). */
export async function pendingOutboxCount(db: DbOrTx, indexName?: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(searchOutbox)
    .where(and(eq(searchOutbox.status, 'pending'), indexName === undefined ? undefined : eq(searchOutbox.indexName, indexName)))
  return row?.n ?? 0
}

export async function listOutbox(db: DbOrTx, status: 'pending' | 'done' | 'dead', limit: number, offset: number): Promise<OutboxRow[]> {
  return db.select().from(searchOutbox).where(eq(searchOutbox.status, status)).orderBy(desc(searchOutbox.updatedAt)).limit(limit).offset(offset)
}

/** Puts a dead row back in the queue (admin action). */
export async function retryOutbox(db: DbOrTx, id: number): Promise<boolean> {
  const res = await db.update(searchOutbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(searchOutbox.id, id), eq(searchOutbox.status, 'dead')))
    .returning({ id: searchOutbox.id })
  return res.length > 0
}

/** Re-queues documents of an index changed since `since` (used after a reindex swap). */
export async function requeueChangedSince(db: DbOrTx, indexName: string, since: Date): Promise<number> {
  const res = await db.update(searchOutbox)
    .set({ status: 'pending', version: sql`${searchOutbox.version} + 1`, nextAttemptAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(searchOutbox.indexName, indexName), sql`${searchOutbox.updatedAt} >= ${since.toISOString()}`))
    .returning({ id: searchOutbox.id })
  return res.length
}

export function rowsOf<T>(res: unknown): T[] {
  if (Array.isArray(res)) return res as T[]
  return ((res as { rows?: T[] }).rows ?? [])
}
