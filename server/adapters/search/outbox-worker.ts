// Moves outbox rows into Meilisearch. Several app instances may run this at once: rows are claimed
// with FOR UPDATE SKIP LOCKED plus a lease, and a row is marked done only after Meilisearch
// reports the task `succeeded`.
import { randomUUID } from 'node:crypto'
import type { Db } from '../../db/client'
import { claimOutbox, completeOutbox, failOutbox, type ClaimedRow } from '../../repositories/search-outbox'
import { searchHealthy, type SearchConnection } from './client'
import type { IndexDefinition } from './types'
import { RETIRED_INDEXES } from './indexes'

export interface OutboxWorkerOptions {
  batchSize?: number
  leaseMs?: number
  maxAttempts?: number
  baseDelayMs?: number
  workerId?: string
  taskTimeoutMs?: number
}

export interface OutboxRunResult {
  claimed: number
  /** True when the engine was down and nothing was claimed (an outage does not use up attempts). */
  unavailable?: boolean
  done: number
  failed: number
  /** Rows this run completed, for tests that check "each row once". */
  completed: Array<{ id: number, version: number }>
}

export function createOutboxWorker(deps: { db: Db, search: SearchConnection, indexes: readonly IndexDefinition[] }, opts: OutboxWorkerOptions = {}) {
  const workerId = opts.workerId ?? `w-${randomUUID()}`
  const batchSize = opts.batchSize ?? 500
  const leaseMs = opts.leaseMs ?? 60_000
  const maxAttempts = opts.maxAttempts ?? 8
  const baseDelayMs = opts.baseDelayMs ?? 1_000
  const byName = new Map(deps.indexes.map(d => [d.name, d]))

  async function processGroup(def: IndexDefinition | undefined, rows: ClaimedRow[]): Promise<void> {
    if (!def) {
      if (RETIRED_INDEXES.includes(rows[0]?.indexName ?? '')) return // nothing to send: the index is gone
      throw new Error(`unknown index ${rows[0]?.indexName}`)
    }
    const ids = rows.map(r => r.docId)
    const docs = await def.loadDocs(deps.db, ids)
    const present = new Set(docs.map(d => d.id))
    const gone = ids.filter(id => !present.has(id))
    const index = deps.search.client.index(deps.search.uid(def.name))
    const timeout = opts.taskTimeoutMs ?? 60_000
    if (docs.length) {
      const task = await index.addDocuments(docs, { primaryKey: def.primaryKey }).waitTask({ timeout })
      if (task.status !== 'succeeded') throw new Error(`addDocuments ${task.status}: ${task.error?.code ?? ''}`)
    }
    if (gone.length) {
      const task = await index.deleteDocuments(gone).waitTask({ timeout })
      if (task.status !== 'succeeded') throw new Error(`deleteDocuments ${task.status}: ${task.error?.code ?? ''}`)
    }
  }

  /** One pass: claim, send per index, then complete or fail. Never throws for Meilisearch errors. */
  async function runOnce(): Promise<OutboxRunResult> {
    if (!(await searchHealthy(deps.search))) return { claimed: 0, unavailable: true, done: 0, failed: 0, completed: [] }
    const claimed = await claimOutbox(deps.db, workerId, batchSize, leaseMs)
    const result: OutboxRunResult = { claimed: claimed.length, done: 0, failed: 0, completed: [] }
    const groups = new Map<string, ClaimedRow[]>()
    for (const r of claimed) groups.set(r.indexName, [...(groups.get(r.indexName) ?? []), r])
    for (const [name, rows] of groups) {
      try {
        await processGroup(byName.get(name), rows)
        result.done += await completeOutbox(deps.db, workerId, rows)
        result.completed.push(...rows.map(r => ({ id: r.id, version: r.version })))
      } catch (err) {
        // A batch failure may come from one poison document: retry documents one by one,
        // so the good ones go through and only the bad one ends in the dead-letter state.
        if (rows.length > 1) {
          for (const row of rows) {
            try {
              await processGroup(byName.get(name), [row])
              result.done += await completeOutbox(deps.db, workerId, [row])
              result.completed.push({ id: row.id, version: row.version })
            } catch (e) {
              result.failed++
              await failOutbox(deps.db, workerId, [row], errorText(e), maxAttempts, baseDelayMs)
            }
          }
        } else {
          result.failed += rows.length
          await failOutbox(deps.db, workerId, rows, errorText(err), maxAttempts, baseDelayMs)
        }
      }
    }
    return result
  }

  /** Runs until nothing is due (or `maxRounds`), for tests and CLI. */
  async function drain(maxRounds = 1000): Promise<OutboxRunResult> {
    const total: OutboxRunResult = { claimed: 0, done: 0, failed: 0, completed: [] }
    for (let i = 0; i < maxRounds; i++) {
      const r = await runOnce()
      total.claimed += r.claimed
      total.done += r.done
      total.failed += r.failed
      total.completed.push(...r.completed)
      if (r.claimed === 0 || r.failed > 0) break
    }
    return total
  }

  let timer: NodeJS.Timeout | undefined
  let stopped = false
  let running: Promise<unknown> | undefined
  function start(intervalMs: number, onError: (e: unknown) => void = () => {}) {
    stopped = false
    const tick = async () => {
      if (stopped) return
      running = runOnce().catch(onError)
      const r = await running
      if (stopped) return
      const busy = typeof r === 'object' && r !== null && (r as OutboxRunResult).claimed >= batchSize
      timer = setTimeout(tick, busy ? 0 : intervalMs)
    }
    timer = setTimeout(tick, 0)
  }
  async function stop() {
    stopped = true
    if (timer) clearTimeout(timer)
    await running?.catch(() => {})
  }

  return { workerId, runOnce, drain, start, stop }
}

function errorText(e: unknown): string {
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e)
  return msg.replace(/\s+/g, ' ').slice(0, 500)
}
