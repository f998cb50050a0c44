// Starts the portal at boot (config check, migrations, search engine, seed, outbox worker) and
// stops the embedded Meilisearch with the server.
import { ConfigError, loadConfig, requireSharedData } from '../config'
import { pgErrorOf } from '../db/client'
import { logger, safeError } from '../utils/logger'

export default defineNitroPlugin((nitroApp) => {
  try {
    requireSharedData(loadConfig())
  } catch (e) {
    if (e instanceof ConfigError) {
      // one plain line on stderr for the operator (the message names the setting and carries no input),
      // the structured record on the log
      process.stderr.write(`${e.message}\n`)
      logger.fatal(e.message)
      process.exit(1)
    }
    throw e
  }
  useApp().catch((e) => {
    // Start-up messages are written for operators; a database error's text may quote data, so not that one.
    logger.fatal({ err: safeError(e) }, `启动失败：${pgErrorOf(e) ? `数据库错误 ${pgErrorOf(e)!.code}` : e instanceof Error ? e.message : String(e)}`)
    process.exit(1)
  })
  nitroApp.hooks.hook('close', () => closeApp())
})
