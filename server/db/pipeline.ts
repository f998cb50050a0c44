// A transaction whose statements travel together (issue 9's booking throughput). Framework-free.
//
// On PostgreSQL (node-postgres) the connection is switched into pg's pipeline mode for the
// transaction (https://node-postgres.com/features/pipelining): BEGIN is sent with the first
// statements instead of waiting for its answer, statements issued one after the other without an
// `await` between them share one round trip, and `commitWith` sends COMMIT right behind the last
// statements, so locks taken there (the audit chain head) are held for the server's own work only,
// not for a round trip to this process and back. The server still runs the statements one by one,
// in order, in one transaction: a failed statement aborts the transaction, the ones behind it fail,
// and the COMMIT behind them becomes a ROLLBACK.
//
// PGlite is one session that runs one transaction at a time (its queries wait for an open
// transaction), so there is nothing to pipeline and no other transaction to wait for: `concurrent`
// is false there, and the caller may skip locks that only order concurrent transactions.
import { is } from 'drizzle-orm'
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres'
import { PgliteSession, PgliteTransaction } from 'drizzle-orm/pglite'
import type { PoolClient } from 'pg'
import type { Db, Tx } from './client'
import { pgErrorOf } from './client'

export interface PipelinedTx {
  tx: Tx
  /** False on PGlite: no other transaction can run beside this one. */
  concurrent: boolean
  /**
   * Sends `last`'s statements and COMMIT together and resolves with their results once the
   * transaction committed. `last` returns one promise per statement and must have SENT each before
   * it returns: drizzle's `.execute()` sends at once, while `await` on a query builder sends a
   * microtask later, behind the COMMIT. Checked: the statements sent must match the promises.
   * When a statement fails, the first failure (in order) is thrown and nothing is committed.
   */
  commitWith<R extends unknown[]>(last: () => { [K in keyof R]: Promise<R[K]> }): Promise<R>
}

export class RolledBackAtCommit extends Error {
  constructor() { super('the transaction was rolled back at COMMIT') }
}

/**
 * Runs `fn` in a transaction. Without `commitWith` the transaction is rolled back when `fn`
 * returns (nothing to keep) or throws.
 */
export async function pipelinedTransaction<T>(db: Db, fn: (p: PipelinedTx) => Promise<T>): Promise<T> {
  const session = (db as unknown as { session: unknown }).session
  // The transaction handle is built without the relational query API (`tx.query.*`, unused here):
  // drizzle's own transaction() builds it for every table on every transaction.
  if (is(session, PgliteSession)) {
    // PGlite: its own exclusive transaction; commitWith just runs the statements (COMMIT follows fn).
    const s = session as unknown as { client: { transaction<R>(cb: (t: never) => Promise<R>): Promise<R> }, dialect: never, options: never }
    return s.client.transaction(async (t) => {
      const tx = new PgliteTransaction(s.dialect, new PgliteSession(t, s.dialect, undefined, s.options), undefined) as unknown as Tx
      return fn({ tx, concurrent: false, commitWith: last => inOrder(last()) })
    })
  }
  if (!is(session, NodePgSession)) return db.transaction(tx => fn({ tx, concurrent: true, commitWith: last => inOrder(last()) }))
  const s = session as unknown as { client: { connect(): Promise<PoolClient> }, dialect: never, options: never }
  const client = await s.client.connect() as PoolClient & { pipeline: boolean }
  const tx = new NodePgTransaction(s.dialect, new NodePgSession(client, s.dialect, undefined, s.options), undefined) as unknown as Tx
  client.pipeline = true
  let ended = false
  let broken: unknown = null
  let sent = 0
  const query = client.query
  client.query = ((...a: Parameters<typeof query>) => { sent++; return (query as (...x: unknown[]) => unknown).apply(client, a) }) as typeof query
  const begin = client.query('begin')
  try {
    const result = await fn({
      tx,
      concurrent: true,
      async commitWith(last) {
        await begin
        const before = sent
        const statements = last() as Promise<unknown>[]
        if (sent - before !== statements.length) {
          await Promise.allSettled(statements)
          throw new Error('commitWith: the last statements must be sent before COMMIT (use .execute())')
        }
        const commit = client.query('commit')
        const results = inOrder(statements as never) as Promise<typeof statements>
        const [l, c] = await Promise.allSettled([results, commit])
        ended = true
        if (l.status === 'rejected') throw l.reason
        if (c.status === 'rejected') throw c.reason
        if (c.value.command === 'ROLLBACK') throw new RolledBackAtCommit()
        return l.value as never
      },
    })
    await begin
    if (!ended) await client.query('rollback')
    return result
  } catch (e) {
    if (!ended) {
      await begin.catch(() => {})
      await client.query('rollback').catch((err: unknown) => { broken = err })
    }
    // Not an answer from the server (a broken connection): do not hand the connection back.
    if (!pgErrorOf(e) && !(e instanceof RolledBackAtCommit) && !isDomainLike(e)) broken = broken ?? e
    throw e
  } finally {
    client.query = query
    client.pipeline = false
    client.release(broken ? (broken instanceof Error ? broken : true) : undefined)
  }
}

/** All results, or the first failure in statement order (the statements behind a failed one only report the abort). */
async function inOrder<R extends unknown[]>(ps: { [K in keyof R]: Promise<R[K]> }): Promise<R> {
  const settled = await Promise.allSettled(ps as Promise<unknown>[])
  const failed = settled.find(r => r.status === 'rejected')
  if (failed) throw (failed as PromiseRejectedResult).reason
  return settled.map(r => (r as PromiseFulfilledResult<unknown>).value) as R
}

/** Errors the caller threw on purpose (a refusal) leave the connection healthy. */
function isDomainLike(e: unknown): boolean {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
}
