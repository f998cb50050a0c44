// Two queries at once on one PostgreSQL connection (a Promise.all over a transaction's queries, or a
// query not awaited before the next): pg 8 queues the second and prints, once per process, "Calling
// client.query() when the client is already executing a query is deprecated"; pg 9 refuses it. The
// warning says neither where nor how often, and appears only from the third overlapping query, so
// this guard watches every pg client itself: a query sent while the same client still runs or queues
// another is recorded with the place in our code that built it (drizzle runs a query in a later
// microtask, where the stack no longer shows the caller). `test/integration/setup.ts` fails a test
// file that recorded one.
import { QueryPromise } from 'drizzle-orm'
import { PgDatabase, PgInsertBuilder, PgSelectBase, PgSelectBuilder, PgUpdateBuilder } from 'drizzle-orm/pg-core'
import pg from 'pg'

export interface Overlap { sql: string, origin: string }

/** The pg deprecation warning this guard anticipates (also failed on when it appears). */
export const PG_OVERLAP_WARNING = /client\.query\(\) when the client is already executing a query/

const ORIGIN = Symbol('query origin')
type Builder = { [ORIGIN]?: string }

interface PgClientState { _activeQuery?: unknown, _queryQueue?: unknown[] }

let installed: { overlaps: Overlap[] } | undefined

/** Our own frames of a stack (node_modules and this file left out). */
function ourFrames(stack: string | undefined): string {
  return (stack ?? '').split('\n').slice(1)
    .filter(l => !l.includes('node_modules') && !l.includes('pg-overlap.ts') && !l.includes('node:internal'))
    .slice(0, 8).join('\n')
}

function tagged<T extends object>(proto: T, method: keyof T & string): void {
  const orig = proto[method] as unknown as (...a: unknown[]) => Builder
  ;(proto as Record<string, unknown>)[method] = function (this: Builder, ...args: unknown[]) {
    const built = orig.apply(this, args)
    if (built && typeof built === 'object' && !built[ORIGIN]) built[ORIGIN] = new Error('query built here').stack
    return built
  }
}

/** Installs the guard (once per process) and returns what it has recorded so far. */
export function installPgOverlapGuard(): { overlaps: Overlap[] } {
  if (installed) return installed
  const state = { overlaps: [] as Overlap[] }
  installed = state

  // where each query was built, in the caller's own synchronous frame
  tagged(PgSelectBuilder.prototype, 'from')
  tagged(PgInsertBuilder.prototype, 'values')
  tagged(PgInsertBuilder.prototype, 'select')
  tagged(PgUpdateBuilder.prototype, 'set')
  tagged(PgDatabase.prototype, 'delete')
  tagged(PgDatabase.prototype, 'execute')

  // the origin of the query being sent now: drizzle's then() calls execute() → client.query() synchronously
  // (selects get QueryPromise's methods copied onto their own prototype, so both are wrapped)
  let current: string | undefined
  for (const proto of new Set([QueryPromise.prototype, PgSelectBase.prototype])) {
    const then = proto.then as (this: unknown, ...a: unknown[]) => unknown
    proto.then = function (this: Builder, ...args: unknown[]) {
      const outer = current
      current = this[ORIGIN]
      try {
        return then.apply(this, args)
      } finally {
        current = outer
      }
    } as typeof proto.then
  }

  const query = pg.Client.prototype.query as (...a: unknown[]) => unknown
  pg.Client.prototype.query = function (this: PgClientState, ...args: unknown[]) {
    if (this._activeQuery || this._queryQueue?.length) {
      const q = args[0] as string | { text?: string } | undefined
      const sql = (typeof q === 'string' ? q : q?.text ?? '').replace(/\s+/g, ' ').slice(0, 160)
      state.overlaps.push({ sql, origin: ourFrames(current) || ourFrames(new Error('sent here').stack) || '(no frame of ours)' })
    }
    return query.apply(this, args)
  } as typeof pg.Client.prototype.query
  return state
}

/** One message naming every overlap (for a failing afterAll). */
export function describeOverlaps(overlaps: Overlap[]): string {
  return `${overlaps.length} quer${overlaps.length === 1 ? 'y' : 'ies'} sent while the same PostgreSQL connection was still running another `
    + '(a Promise.all over one transaction\'s queries, or a query not awaited): run them in turn.\n'
    + overlaps.slice(0, 5).map((o, i) => `#${i + 1} ${o.sql}\n${o.origin}`).join('\n')
}
