// Builds everything a server instance needs from validated configuration. Framework-free so the
// Nitro plugin, the CLI scripts and the integration tests all start the portal the same way.
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AppConfig } from './config'
import { openDb, type Db, type DbHandle } from './db/client'
import { logger } from './utils/logger'
import { connectSearch, type SearchConnection } from './adapters/search/client'
import { startEmbeddedMeili, type EmbeddedMeili } from './adapters/search/embedded'
import { ensureIndexes } from './adapters/search/indexes'
import { createOutboxWorker } from './adapters/search/outbox-worker'
import { searchIndexes } from './adapters/search/registry'
import type { IndexDefinition } from './adapters/search/types'
import { seedSteps } from './seed'
import { createRankerCache, type RankerCache } from './domain/search/ranker-cache'
import { statuteDocBatches } from './adapters/search/definitions/statutes'
import { CORE_LAWS } from './domain/search/statute-doc'
import { statuteCorpusVersion } from './repositories/statutes'
import { allKnownQuestionLinks, knownQuestionsVersion } from './repositories/known-questions'

export interface AppContext {
  config: AppConfig
  db: Db
  dbDriver: DbHandle['driver']
  /** null when the search engine could not be reached at start-up (the portal runs degraded). */
  search: SearchConnection | null
  indexes: readonly IndexDefinition[]
  worker: ReturnType<typeof createOutboxWorker> | null
  /** 32-byte key for encrypting personal data at rest. */
  cryptoKey: Buffer
  /** Resolves when start-up index checks/rebuilds are finished. */
  indexesReady: Promise<void>
  /** In-memory statute ranker derived from PostgreSQL (statutes + known questions), rebuilt on change. */
  statuteRanker: RankerCache
  close(): Promise<void>
}

export interface CreateContextOptions {
  migrationsFolder?: string
  log?: (m: string) => void
  /** Skip the background worker (CLI scripts). */
  startWorker?: boolean
  /** Skip seeding (CLI scripts). */
  seed?: boolean
  /** Run ensureIndexes at start (default true). */
  ensureIndexes?: boolean
  /** Build the statute ranker in the background right after start (default: when the worker starts). */
  warmRanker?: boolean
}

const RANKER_BATCH = 2_000

/** The statute ranker's data, read from the database. */
export function databaseRankerCache(db: Db, log?: (m: string) => void): RankerCache {
  return createRankerCache({
    statutesVersion: () => statuteCorpusVersion(db),
    statutes: () => statuteDocBatches(db, RANKER_BATCH),
    coreStatutes: () => statuteDocBatches(db, RANKER_BATCH, CORE_LAWS),
    knownVersion: () => knownQuestionsVersion(db),
    knownQuestions: () => allKnownQuestionLinks(db),
  }, { log })
}

export function loadOrCreateKey(dir: string, name: string, bytes = 32): Buffer {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, name)
  if (existsSync(file)) {
    const k = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')
    if (k.length === bytes) return k
  }
  const k = randomBytes(bytes)
  writeFileSync(file, k.toString('base64') + '\n', { mode: 0o600 })
  chmodSync(file, 0o600)
  return k
}

export async function createAppContext(config: AppConfig, opts: CreateContextOptions = {}): Promise<AppContext> {
  const log = opts.log ?? ((m: string) => logger.info(m))
  mkdirSync(config.dataDir, { recursive: true })
  const handle = await openDb({ databaseUrl: config.database.url || undefined, pgliteDir: join(config.dataDir, 'pglite'), poolMax: config.database.poolMax })
  await handle.migrate(opts.migrationsFolder)

  let embedded: EmbeddedMeili | undefined
  let search: SearchConnection | null = null
  try {
    if (config.meilisearch.host) {
      search = connectSearch(config.meilisearch.host, config.meilisearch.apiKey, config.meilisearch.indexPrefix)
    } else {
      embedded = await startEmbeddedMeili({ dir: join(config.dataDir, 'meili'), binary: config.meilisearch.binary || undefined, supervise: true, log })
      search = connectSearch(embedded.host, embedded.apiKey, config.meilisearch.indexPrefix)
      log(`search: embedded Meilisearch on ${embedded.host}`)
    }
  } catch (e) {
    log(`search: unavailable (${e instanceof Error ? e.message : String(e)}); the portal runs degraded`)
  }

  const cryptoKey = config.crypto.key ? Buffer.from(config.crypto.key, 'base64') : loadOrCreateKey(config.dataDir, 'crypto.key')
  let closed = false
  const ctx: AppContext = {
    config,
    db: handle.db,
    dbDriver: handle.driver,
    search,
    indexes: searchIndexes,
    worker: null,
    cryptoKey,
    indexesReady: Promise.resolve(),
    statuteRanker: databaseRankerCache(handle.db, log),
    async close() {
      closed = true
      await ctx.worker?.stop()
      await embedded?.stop()
      await handle.close()
    },
  }

  if (opts.seed !== false) {
    for (const step of seedSteps) {
      if (step.demo && !config.seed.demo) continue
      await step.run(ctx, log)
    }
  }

  if (search && opts.ensureIndexes !== false) {
    const conn = search
    // Retry until the index check succeeds (the engine may be restarting); the worker waits for it,
    // so documents never reach an index before its settings. Changes meanwhile wait in the outbox.
    ctx.indexesReady = (async () => {
      for (let attempt = 0; !closed; attempt++) {
        try {
          await ensureIndexes(ctx.db, conn, ctx.indexes, log)
          return
        } catch (e) {
          const delay = Math.min(1000 * 2 ** attempt, 30_000)
          log(`search: index check failed (${e instanceof Error ? e.message : String(e)}); retrying in ${delay} ms`)
          await new Promise(r => setTimeout(r, delay).unref())
        }
      }
    })()
  }
  if (opts.warmRanker ?? opts.startWorker !== false) {
    // one statute ranking from the first request on: the core laws now (about a second), the whole corpus in the background
    try {
      await ctx.statuteRanker.bootstrap()
    } catch (e) {
      log(`search: core-law ranker not built (${e instanceof Error ? e.message : String(e)}); articles come from PostgreSQL until the full build`)
    }
    void ctx.statuteRanker.refresh()
  }
  if (search && opts.startWorker !== false && config.worker.enabled) {
    const worker = createOutboxWorker({ db: ctx.db, search, indexes: ctx.indexes })
    ctx.worker = worker
    let lastError = ''
    // Start after the start-up index check, so documents never reach an index before its settings.
    void ctx.indexesReady.then(() => !closed && worker.start(config.worker.intervalMs, (e) => {
      const msg = e instanceof Error ? e.message : String(e)
      if (msg !== lastError) log(`search outbox: ${msg}`)
      lastError = msg
    }))
  }
  return ctx
}
