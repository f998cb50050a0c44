// Starts the portal at boot (config check, migrations, search engine, seed, outbox worker) and
// stops the embedded Meilisearch with the server.
import { ConfigError, loadConfig, requireSharedData } from '../config'

export default defineNitroPlugin((nitroApp) => {
  try {
    requireSharedData(loadConfig())
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message)
      process.exit(1)
    }
    throw e
  }
  useApp().catch((e) => {
    console.error(`启动失败：${e instanceof Error ? e.message : String(e)}`)
    process.exit(1)
  })
  nitroApp.hooks.hook('close', () => closeApp())
})
