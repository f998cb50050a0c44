import { sql } from 'drizzle-orm'
import type { HealthDto } from '../../shared/types/platform'
import { searchHealthy } from '../adapters/search/client'
import { pendingOutboxCount } from '../repositories/search-outbox'

export default defineApiHandler(async (event): Promise<HealthDto> => {
  setHeader(event, 'cache-control', 'no-store')
  const app = await useApp()
  let dbOk = false
  let pending: number | null = null
  try {
    await app.db.execute(sql`select 1`)
    dbOk = true
    pending = await pendingOutboxCount(app.db)
  } catch { /* reported below */ }
  const searchOk = app.search ? await searchHealthy(app.search) : false
  const ranker = app.statuteRanker.current()
  const body: HealthDto = {
    status: !dbOk ? 'down' : searchOk ? 'ok' : 'degraded',
    db: { ok: dbOk, driver: app.dbDriver },
    search: { ok: searchOk, pendingOutbox: pending, ranker: ranker && { articles: ranker.ranker.size, knownQuestions: ranker.knowledge.size } },
  }
  if (!dbOk) setResponseStatus(event, 503)
  return body
})
