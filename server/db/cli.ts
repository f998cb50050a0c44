// The database of a command-line script (audit:verify, staff:add): PostgreSQL when DATABASE_URL is
// set; else the embedded one in the data folder, opened only after taking the folder's lock as the
// server does (DataFolderBusyError, naming the holder, while a server or another script has it) and
// with the folder kept owner-only. close() closes the database, then releases the lock.
import { join } from 'node:path'
import type { AppConfig } from '../config'
import { openDb, type DbHandle } from './client'
import { lockDataFolder, restrictDataFolder } from './data-folder'

export async function openCliDb(config: AppConfig): Promise<DbHandle> {
  const lock = config.database.url ? null : await lockDataFolder(config.dataDir, 'cli')
  if (lock) restrictDataFolder(config.dataDir)
  let handle: DbHandle
  try {
    handle = await openDb({ databaseUrl: config.database.url || undefined, pgliteDir: join(config.dataDir, 'pglite'), poolMax: 2 })
  } catch (e) {
    await lock?.release()
    throw e
  }
  return {
    ...handle,
    async close() {
      try {
        await handle.close()
      } finally {
        await lock?.release()
      }
    },
  }
}
