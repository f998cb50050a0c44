// A fixed statement sent straight through the driver of a database or transaction handle, for the
// few statements on a hot path (issue 9's booking throughput). Framework-free.
//
// On PostgreSQL (node-postgres) it is a named prepared statement: parsed once per connection
// (and planned generically once PostgreSQL finds that as good), then only bound and executed. On
// PGlite it is an ordinary parameterised query. No query builder runs: the text is a constant and
// the rows come back as the driver parses them (timestamptz → Date, int4 → number, jsonb → object),
// named by the statement's column aliases.
import { is } from 'drizzle-orm'
import { NodePgSession } from 'drizzle-orm/node-postgres'
import { PgliteSession } from 'drizzle-orm/pglite'
import type { DbOrTx } from './client'

export interface RawStatement { name: string, text: string }

interface PgLike { query(config: { name: string, text: string, values: unknown[] }): Promise<{ rows: unknown[] }> }
interface PgliteLike { query(text: string, params: unknown[]): Promise<{ rows: unknown[] }> }

export function rawQuery<T>(db: DbOrTx, statement: RawStatement, params: unknown[]): Promise<T[]> {
  const session = (db as unknown as { session: { client: unknown } }).session
  const client = session.client
  if (is(session as object, NodePgSession)) {
    return (client as PgLike).query({ name: statement.name, text: statement.text, values: params }).then(r => r.rows as T[])
  }
  return (client as PgliteLike).query(statement.text, params).then(r => r.rows as T[])
}

/**
 * False on PGlite: one session that runs one transaction at a time, so locks that only order
 * concurrent transactions (advisory locks) order nothing there.
 */
export function runsConcurrently(db: DbOrTx): boolean {
  return !is((db as unknown as { session: object }).session, PgliteSession)
}
