// Opens the portal's database: embedded PGlite (no URL) or a PostgreSQL server via pg (URL).
// Same drizzle schema and migrations for both. Framework-free.
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import * as schema from './schema'

export type Schema = typeof schema
export type Db = PgDatabase<PgQueryResultHKT, Schema>
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type DbOrTx = Db | Tx

export interface DbHandle {
  db: Db
  driver: 'pglite' | 'pg'
  close(): Promise<void>
  /**
   * Applies the migrations in `folder` (defaults to the source tree's migrations). `after` runs
   * right after them, still under the migration lock (e.g. the app role's grants).
   */
  migrate(folder?: string, after?: (query: (sql: string) => Promise<unknown>) => Promise<void>): Promise<void>
}

export interface OpenDbOptions {
  databaseUrl?: string
  /** Folder for PGlite data, or 'memory://' */
  pgliteDir?: string
  poolMax?: number
}

export const defaultMigrationsFolder = () => fileURLToPath(new URL('./migrations', import.meta.url))

const MIGRATION_LOCK = 72_410_348 // arbitrary, constant across instances

export async function openDb(opts: OpenDbOptions): Promise<DbHandle> {
  if (opts.databaseUrl) {
    const { default: pg } = await import('pg')
    const { drizzle } = await import('drizzle-orm/node-postgres')
    const { migrate } = await import('drizzle-orm/node-postgres/migrator')
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolMax ?? 10 })
    pool.on('error', () => { /* idle client errors surface on the next query */ })
    const db = drizzle(pool, { schema, casing: 'snake_case' }) as unknown as Db
    return {
      db,
      driver: 'pg',
      close: () => pool.end(),
      async migrate(folder = defaultMigrationsFolder(), after) {
        // Several app instances may start at once: one migrates, the others wait for it.
        const client = await pool.connect()
        try {
          await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK])
          await migrate(db as never, { migrationsFolder: folder })
          if (after) await after(sql => client.query(sql))
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {})
          client.release()
        }
      },
    }
  }
  const { PGlite } = await import('@electric-sql/pglite')
  const { drizzle } = await import('drizzle-orm/pglite')
  const { migrate } = await import('drizzle-orm/pglite/migrator')
  const dir = opts.pgliteDir ?? 'memory://'
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true })
  const client = new PGlite(dir)
  await client.waitReady
  const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Db
  return {
    db,
    driver: 'pglite',
    close: () => client.close(),
    async migrate(folder, after) {
      await migrate(db as never, { migrationsFolder: folder ?? defaultMigrationsFolder() })
      if (after) await after(sql => client.exec(sql))
    },
  }
}

/** PostgreSQL error details, unwrapped from drizzle's DrizzleQueryError (cause) where needed. */
export function pgErrorOf(err: unknown): { code?: string, constraint?: string, message?: string } | undefined {
  let e: unknown = err
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const o = e as { code?: unknown, constraint?: unknown, message?: unknown, cause?: unknown }
    if (typeof o.code === 'string' && /^[0-9A-Z]{5}$/.test(o.code)) {
      return { code: o.code, constraint: typeof o.constraint === 'string' ? o.constraint : undefined, message: String(o.message ?? '') }
    }
    e = o.cause
  }
  return undefined
}
