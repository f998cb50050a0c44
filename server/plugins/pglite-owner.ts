// With the embedded database (PGlite) only one process may open the data folder, and PGlite
// itself does not lock it. The server leaves its pid here so CLI scripts (staff:add) can refuse
// to open the folder while the portal is running.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadConfig } from '../config'

export default defineNitroPlugin((nitroApp) => {
  const config = loadConfig()
  if (config.database.url) return
  const file = join(config.dataDir, 'server.pid')
  try {
    mkdirSync(config.dataDir, { recursive: true })
    writeFileSync(file, `${process.pid}\n`)
  } catch { return }
  const release = () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true })
    } catch { /* already gone */ }
  }
  nitroApp.hooks.hook('close', release)
  process.once('exit', release)
})
