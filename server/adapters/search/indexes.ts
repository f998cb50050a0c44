// Applies declared index settings, rebuilds missing indexes, and reindexes with an atomic swap.
import type { Db } from '../../db/client'
import { pendingOutboxCount, requeueChangedSince } from '../../repositories/search-outbox'
import type { SearchConnection } from './client'
import type { IndexDefinition } from './types'

const TASK_TIMEOUT = { timeout: 10 * 60_000 }

async function indexExists(conn: SearchConnection, uid: string): Promise<boolean> {
  try {
    await conn.client.getRawIndex(uid)
    return true
  } catch {
    return false
  }
}

async function numberOfDocuments(conn: SearchConnection, uid: string): Promise<number> {
  const stats = await conn.client.index(uid).getStats()
  return stats.numberOfDocuments
}

/**
 * Indexes earlier versions kept and nothing reads any more, deleted at start: `known_questions` served
 * the engine sub-query pipeline (the statute ranker reads the known questions from PostgreSQL);
 * `service_points` was written by every change to a service point and read by nothing (the finder
 * filters in PostgreSQL). Outbox rows still naming one are completed without a request.
 */
export const RETIRED_INDEXES: readonly string[] = ['known_questions', 'service_points']

/**
 * At start-up: make sure every index exists with its declared settings and holds as many documents
 * as PostgreSQL says it should, give or take the changes still queued in the outbox; otherwise
 * rebuild it (e.g. after the search data folder was deleted).
 */
export async function ensureIndexes(db: Db, conn: SearchConnection, defs: readonly IndexDefinition[], log: (m: string) => void = () => {}): Promise<void> {
  for (const name of RETIRED_INDEXES) {
    if (await indexExists(conn, conn.uid(name))) {
      await conn.client.deleteIndex(conn.uid(name)).waitTask(TASK_TIMEOUT)
      log(`search: retired index ${conn.uid(name)} deleted`)
    }
  }
  for (const def of defs) {
    const uid = conn.uid(def.name)
    const expected = await def.count(db)
    if (!(await indexExists(conn, uid))) {
      log(`search: index ${uid} missing, rebuilding ${expected} documents from PostgreSQL`)
      await reindex(db, conn, def, log)
      continue
    }
    await conn.client.index(uid).updateSettings(await def.settings(db)).waitTask(TASK_TIMEOUT)
    const actual = await numberOfDocuments(conn, uid)
    if (actual !== expected) {
      // changes still queued for the worker (e.g. a law marked not in force at start: its articles
      // leave the index through the outbox) explain a difference up to their number: no rebuild
      const queued = await pendingOutboxCount(db, def.name)
      if (Math.abs(actual - expected) > queued) {
        log(`search: index ${uid} has ${actual} documents, PostgreSQL ${expected}: rebuilding`)
        await reindex(db, conn, def, log)
        continue
      }
      log(`search: index ${uid} has ${actual} documents, PostgreSQL ${expected}: ${queued} queued changes follow`)
    }
    if (def.requiredFields?.length && actual > 0) {
      // documents written by an older mapping lack a field the code now reads: rebuild them
      const { results } = await conn.client.index(uid).getDocuments({ limit: 1, fields: [...def.requiredFields] })
      const missing = def.requiredFields.filter(f => !(results[0] && f in results[0]))
      if (missing.length) {
        log(`search: index ${uid} documents lack ${missing.join(', ')}: rebuilding`)
        await reindex(db, conn, def, log)
      }
    }
  }
}

/**
 * Rebuilds one index from PostgreSQL into a fresh index and swaps it in atomically: searches keep
 * hitting the old index until the swap. Changes committed while the rebuild ran are re-queued in
 * the outbox afterwards, so nothing written meanwhile is lost.
 */
export async function reindex(db: Db, conn: SearchConnection, def: IndexDefinition, log: (m: string) => void = () => {}, batchSize = 5000): Promise<{ documents: number, ms: number }> {
  const t0 = Date.now()
  const started = new Date(Date.now() - 1000)
  const live = conn.uid(def.name)
  const next = `${live}__next`
  await conn.client.deleteIndexIfExists(next)
  await conn.client.createIndex(next, { primaryKey: def.primaryKey }).waitTask(TASK_TIMEOUT)
  const index = conn.client.index(next)
  await index.updateSettings(await def.settings(db)).waitTask(TASK_TIMEOUT)
  let documents = 0
  const pending: Promise<unknown>[] = []
  for await (const batch of def.loadAll(db, batchSize)) {
    if (!batch.length) continue
    pending.push(index.addDocuments(batch, { primaryKey: def.primaryKey }).waitTask(TASK_TIMEOUT).then((t) => {
      if (t.status !== 'succeeded') throw new Error(`reindex ${next}: ${t.error?.message ?? t.status}`)
    }))
    documents += batch.length
    if (pending.length >= 4) await pending.shift()
    log(`search: ${def.name} ${documents} documents sent`)
  }
  await Promise.all(pending)
  if (await indexExists(conn, live)) {
    const swap = await conn.client.swapIndexes([{ indexes: [live, next], rename: false }]).waitTask(TASK_TIMEOUT)
    if (swap.status !== 'succeeded') throw new Error(`swap ${live}: ${swap.error?.message ?? swap.status}`)
    await conn.client.deleteIndexIfExists(next)
  } else {
    const swap = await conn.client.swapIndexes([{ indexes: [next, live], rename: true }]).waitTask(TASK_TIMEOUT)
    if (swap.status !== 'succeeded') throw new Error(`rename ${next}: ${swap.error?.message ?? swap.status}`)
  }
  await requeueChangedSince(db, def.name, started)
  const ms = Date.now() - t0
  log(`search: ${def.name} rebuilt with ${documents} documents in ${ms} ms`)
  return { documents, ms }
}

/**
 * Sends documents to a live index as their rows are stored (the first start's background statute
 * import): each document reaches the engine once, instead of a whole rebuild after the import.
 * `finish` waits for the additions and rebuilds the index from PostgreSQL only when one of them
 * failed or the index does not hold what PostgreSQL says it should (nothing is lost either way).
 */
export function indexFeed(db: Db, conn: SearchConnection, def: IndexDefinition, maxPending = 4) {
  const uid = conn.uid(def.name)
  const pending: Promise<void>[] = []
  let sent = 0
  let failed: string | null = null
  const fail = (e: unknown) => { failed ??= e instanceof Error ? e.message : String(e) }
  return {
    /** Reads these rows' documents and adds them to the live index (rows with no document are left out). */
    async add(ids: string[]): Promise<void> {
      if (!ids.length || failed) return
      try {
        const docs = await def.loadDocs(db, ids)
        if (!docs.length) return
        pending.push(conn.client.index(uid).addDocuments(docs, { primaryKey: def.primaryKey }).waitTask(TASK_TIMEOUT).then((t) => {
          if (t.status !== 'succeeded') fail(new Error(`${uid}: ${t.error?.message ?? t.status}`))
        }, fail))
        sent += docs.length
        while (pending.length >= maxPending) await pending.shift()
      } catch (e) {
        fail(e)
      }
    },
    async finish(log: (m: string) => void = () => {}): Promise<{ documents: number, rebuilt: boolean }> {
      await Promise.all(pending)
      const expected = await def.count(db)
      const actual = failed ? null : await numberOfDocuments(conn, uid).catch((e: unknown) => { fail(e); return null })
      if (actual !== null && Math.abs(actual - expected) <= await pendingOutboxCount(db, def.name)) return { documents: sent, rebuilt: false }
      log(`search: index ${uid} ${failed ? `not fed (${failed})` : `holds ${actual} documents, PostgreSQL ${expected}`}: rebuilding`)
      const r = await reindex(db, conn, def, log)
      return { documents: r.documents, rebuilt: true }
    },
  }
}
