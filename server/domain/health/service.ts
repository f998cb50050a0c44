// How the portal is: the database answers (else down), the engine answers (else degraded), the
// outbox backlog and the in-memory statute ranker. One signature: verbNoun(deps, input, actor?).
import type { HealthDto } from '../../../shared/types/platform'
import { searchHealthy, type SearchConnection } from '../../adapters/search/client'
import type { Db, DbHandle } from '../../db/client'
import { pingDatabase } from '../../repositories/health'
import { pendingOutboxCount } from '../../repositories/search-outbox'
import type { RankerCache } from '../search/ranker-cache'
import { settledWithin } from '../platform/settled-within'

export interface HealthDeps {
  db: Db
  dbDriver: DbHandle['driver']
  search: SearchConnection | null
  statuteRanker: Pick<RankerCache, 'current'>
  /** Resolves once the ranker covers the whole stored corpus (AppContext.statutesSettled). */
  statutesSettled?: Promise<void>
}

export async function checkHealth(deps: HealthDeps): Promise<HealthDto> {
  let dbOk = false
  let pending: number | null = null
  try {
    await pingDatabase(deps.db)
    dbOk = true
    pending = await pendingOutboxCount(deps.db)
  } catch { /* reported below */ }
  const searchOk = deps.search ? await searchHealthy(deps.search) : false
  const ranker = deps.statuteRanker.current()
  const complete = deps.statutesSettled ? await settledWithin(deps.statutesSettled, 0) : true
  return {
    status: !dbOk ? 'down' : searchOk ? 'ok' : 'degraded',
    db: { ok: dbOk, driver: deps.dbDriver },
    search: { ok: searchOk, pendingOutbox: pending, ranker: ranker && { articles: ranker.ranker.size, knownQuestions: ranker.knowledge.size, complete } },
  }
}
