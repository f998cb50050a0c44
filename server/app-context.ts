// Builds everything a server instance needs from validated configuration. Framework-free so the
// Nitro plugin, the CLI scripts and the integration tests all start the portal the same way.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { AppConfig } from './config'
import { migrateAsOwner } from './db/roles'
import { openDb, type Db, type DbHandle } from './db/client'
import { logger } from './adapters/logger'
import { lockDataFolder, restrictDataFolder, type DataFolderLock } from './db/data-folder'
import { adoptLegacyKeyFile } from './domain/crypto/key-file'
import { requireUndamagedKeyFile, resolvePersonalDataKey } from './domain/crypto/personal-data-key'
import { encryptedKeyIdsInUse } from './repositories/encrypted-values'
import { connectSearch, type SearchConnection } from './adapters/search/client'
import { startEmbeddedMeili, type EmbeddedMeili } from './adapters/search/embedded'
import { ensureIndexes } from './adapters/search/indexes'
import { createOutboxWorker } from './adapters/search/outbox-worker'
import { searchIndexes } from './adapters/search/registry'
import type { IndexDefinition } from './adapters/search/types'
import type { SeedContext, SeedStep } from './seed/registry'
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
  /**
   * Resolves when this instance ranks over the whole stored corpus: the first full ranker build after
   * start (the core laws answer before it), and the statute import a first start leaves running, with
   * the rebuild after it. Until then a library search answers from part of the law (library.ts waits).
   */
  statutesSettled: Promise<void>
  close(): Promise<void>
}

export interface CreateContextOptions {
  migrationsFolder?: string
  log?: (m: string) => void
  /** Skip the background worker (CLI scripts). */
  startWorker?: boolean
  /** Seed steps to run after migrations, in order (the server passes server/seed's list; CLI scripts none). */
  seedSteps?: readonly SeedStep[]
  /** Skip seeding even when steps are given. */
  seed?: boolean
  /** Run ensureIndexes at start (default true). */
  ensureIndexes?: boolean
  /** Build the statute ranker in the background right after start (default: when the worker starts). */
  warmRanker?: boolean
  /** Who holds the data-folder lock, as told to a process that finds it taken (default: 'cli' without a worker). */
  lockRole?: 'server' | 'cli'
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

/** Where the embedded defaults keep their keys (outside the database and index folders). */
export function keyFiles(config: Pick<AppConfig, 'dataDir' | 'keysDir'>) {
  return {
    crypto: join(config.keysDir, 'crypto.key'),
    meili: join(config.keysDir, 'meili-master.key'),
    /** Where versions before the keys folder kept them. */
    legacyCrypto: join(config.dataDir, 'crypto.key'),
    legacyMeili: join(config.dataDir, 'meili', 'master.key'),
  }
}

/**
 * Start-up order: the data-folder lock (one process per embedded folder) → owner-only permissions
 * → database + migrations → the personal-data key, checked against the stored encrypted values →
 * the embedded search engine (after stopping one a killed server left behind) → seed → indexes.
 * Anything that must stop the start throws one line (the caller prints it and exits).
 */
export async function createAppContext(config: AppConfig, opts: CreateContextOptions = {}): Promise<AppContext> {
  const log = opts.log ?? ((m: string) => logger.info(m))
  const embeddedDb = !config.database.url
  const embeddedSearch = !config.meilisearch.host
  let lock: DataFolderLock | undefined
  if (embeddedDb || embeddedSearch) {
    lock = await lockDataFolder(config.dataDir, opts.lockRole ?? (opts.startWorker === false ? 'cli' : 'server'))
  }
  let handle: DbHandle | undefined
  try {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 })
    const fixed = restrictDataFolder(config.dataDir)
    if (fixed) log(`data: restricted ${fixed} files and folders under ${config.dataDir} to their owner (0700/0600)`)
    const keys = keyFiles(config)
    for (const [legacy, file] of [[keys.legacyCrypto, keys.crypto], [keys.legacyMeili, keys.meili]] as const) {
      if (adoptLegacyKeyFile(legacy, file)) log(`data: moved ${legacy} to ${file}`)
    }
    requireUndamagedKeyFile(config.crypto.key, keys.crypto)
    handle = await openDb({ databaseUrl: config.database.url || undefined, pgliteDir: join(config.dataDir, 'pglite'), poolMax: config.database.poolMax })
    // PGlite writes a new cluster's files world-readable whatever the umask: restrict them again.
    if (embeddedDb) restrictDataFolder(config.dataDir)
    if (config.database.migrationUrl) {
      // two roles: the owner migrates, the app role (DATABASE_URL) gets row privileges only
      const roles = await migrateAsOwner({ migrationUrl: config.database.migrationUrl, appUrl: config.database.url, folder: opts.migrationsFolder })
      for (const w of roles.warnings) log(w)
    } else {
      await handle.migrate(opts.migrationsFolder)
    }
    const db = handle.db
    const cryptoKey = await resolvePersonalDataKey({ configured: config.crypto.key, file: keys.crypto, keyIdsInUse: () => encryptedKeyIdsInUse(db), log })
    return await startServices(config, opts, log, handle, cryptoKey, lock)
  } catch (e) {
    // close what was opened (bounded: the process is about to stop anyway)
    await Promise.race([handle?.close().catch(() => {}), new Promise(r => setTimeout(r, 5000).unref())])
    await lock?.release()
    throw e
  }
}

async function startServices(config: AppConfig, opts: CreateContextOptions, log: (m: string) => void, handle: DbHandle, cryptoKey: Buffer, lock: DataFolderLock | undefined): Promise<AppContext> {
  let embedded: EmbeddedMeili | undefined
  let search: SearchConnection | null = null
  try {
    if (config.meilisearch.host) {
      search = connectSearch(config.meilisearch.host, config.meilisearch.apiKey, config.meilisearch.indexPrefix)
    } else {
      embedded = await startEmbeddedMeili({
        dir: join(config.dataDir, 'meili'), keyFile: keyFiles(config).meili, stopOrphans: true,
        binary: config.meilisearch.binary || undefined, supervise: true, log,
      })
      search = connectSearch(embedded.host, embedded.apiKey, config.meilisearch.indexPrefix)
      log(`search: embedded Meilisearch on ${embedded.host}`)
    }
  } catch (e) {
    log(`search: unavailable (${e instanceof Error ? e.message : String(e)}); the portal runs degraded`)
  }

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
    statutesSettled: Promise.resolve(),
    async close() {
      closed = true
      await ctx.worker?.stop()
      await embedded?.stop()
      await handle.close()
      await lock?.release()
    },
  }

  // Promised before the seed runs, kept after it: work a seed step leaves running in the background
  // (the rest of the statute corpus) waits for the start-up index check, so the check never reads a
  // table that import is still filling (issue 12: the statutes index used to be built twice).
  let indexCheckDone = () => {}
  const checkIndexes = search !== null && opts.ensureIndexes !== false
  if (checkIndexes) ctx.indexesReady = new Promise<void>((r) => { indexCheckDone = r })

  // statute work a seed step leaves running (the rest of the corpus on a first start)
  const background: Array<Promise<unknown>> = []
  if (opts.seed !== false) {
    const seedCtx: SeedContext = { config, db: ctx.db, search, indexesReady: ctx.indexesReady, statuteRanker: ctx.statuteRanker, inBackground: w => background.push(w) }
    for (const step of opts.seedSteps ?? []) {
      if (step.demo && !config.seed.demo) continue
      await step.run(seedCtx, log)
    }
  }

  if (checkIndexes) {
    const conn = search!
    // Retry until the index check succeeds (the engine may be restarting); the worker waits for it,
    // so documents never reach an index before its settings. Changes meanwhile wait in the outbox.
    void (async () => {
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
    })().finally(indexCheckDone)
  }
  if (opts.warmRanker ?? opts.startWorker !== false) {
    // one statute ranking from the first request on: the core laws now (about a second), the whole corpus in the background
    try {
      await ctx.statuteRanker.bootstrap()
    } catch (e) {
      log(`search: core-law ranker not built (${e instanceof Error ? e.message : String(e)}); articles come from PostgreSQL until the full build`)
    }
    background.push(ctx.statuteRanker.refresh())
  }
  ctx.statutesSettled = Promise.allSettled(background).then(() => {})
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
