import { randomBytes } from 'node:crypto'
import { inject } from 'vitest'
import { connectSearch, type SearchConnection } from '../../../server/adapters/search/client'

/** A connection to the run's Meilisearch with a unique index prefix, so tests never share indexes. */
export function testSearch(prefix = `t${randomBytes(4).toString('hex')}_`): SearchConnection {
  return connectSearch(inject('meiliHost'), inject('meiliKey'), prefix)
}
