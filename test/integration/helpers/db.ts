// Real databases for integration tests: PGlite always; PostgreSQL too when TEST_DATABASE_URL is set.
// Each call gets a fresh, migrated database.
import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import pg from 'pg'
import type { SeedContext } from '../../../server/seed/registry'
import { parseConfig } from '../../../server/config'
import { openDb, type DbHandle } from '../../../server/db/client'

export type Driver = 'pglite' | 'pg'

/** The datasets folder as the server reads it: `NUXT_SHARED_DATA_DIR` / `SHARED_DATA_DIR`, default the repository's data/. */
export const sharedDataDir = resolve(process.env.NUXT_SHARED_DATA_DIR || process.env.SHARED_DATA_DIR || 'data')

/** The drivers this run covers: use with describe.each(drivers()). */
export function drivers(): Driver[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'pg'] : ['pglite']
}

export interface TestDb extends DbHandle {
  /** Connection URL for pg (so a second "instance" can connect), undefined for PGlite. */
  url?: string
  drop(): Promise<void>
}

/** `migrationsFolder`: migrate from another folder (e.g. a copy holding only the migrations up to one). */
export async function freshDb(driver: Driver, opts: { migrationsFolder?: string } = {}): Promise<TestDb> {
  if (driver === 'pglite') {
    const h = await openDb({ pgliteDir: 'memory://' })
    await h.migrate(opts.migrationsFolder)
    return { ...h, drop: () => h.close() }
  }
  const admin = process.env.TEST_DATABASE_URL
  if (!admin) throw new Error('TEST_DATABASE_URL is not set')
  const name = `t_${randomBytes(6).toString('hex')}`
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  await client.query(`create database ${name} template template0 encoding 'UTF8'`)
  await client.end()
  const u = new URL(admin)
  u.pathname = `/${name}`
  const url = u.toString()
  const h = await openDb({ databaseUrl: url, poolMax: 8 })
  await h.migrate(opts.migrationsFolder)
  return {
    ...h,
    url,
    async drop() {
      await h.close()
      const c = new pg.Client({ connectionString: admin })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    },
  }
}

/** What seed steps see of the app context, over a test database: default config, no search engine. */
export function seedContext(t: TestDb): SeedContext {
  const config = parseConfig({ database: {}, meilisearch: {}, session: {}, crypto: {}, seed: {}, worker: {}, sharedDataDir })
  return { config, db: t.db, search: null, indexesReady: Promise.resolve() }
}
