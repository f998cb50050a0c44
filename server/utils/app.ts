// Nitro glue: one AppContext per server process, created on first use and closed with Nitro.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createAppContext, type AppContext } from '../app-context'
import { loadConfig } from '../config'
import { seedSteps } from '../seed'

let ctxPromise: Promise<AppContext> | undefined

/** Copies the migrations bundled as server assets to a temp folder for drizzle's migrator. */
async function extractMigrations(): Promise<string> {
  const storage = useStorage('assets:migrations')
  const keys = await storage.getKeys()
  const dir = mkdtempSync(join(tmpdir(), 'portal-migrations-'))
  for (const key of keys) {
    const rel = key.replace(/:/g, '/')
    const file = join(dir, rel)
    mkdirSync(dirname(file), { recursive: true })
    const raw = await storage.getItemRaw(key)
    writeFileSync(file, typeof raw === 'string' ? raw : Buffer.from(raw as Uint8Array))
  }
  return dir
}

export function useApp(): Promise<AppContext> {
  ctxPromise ??= (async () => {
    const config = loadConfig()
    return createAppContext(config, { migrationsFolder: await extractMigrations(), seedSteps })
  })()
  return ctxPromise
}

export async function closeApp(): Promise<void> {
  if (!ctxPromise) return
  const p = ctxPromise
  ctxPromise = undefined
  await (await p).close()
}
