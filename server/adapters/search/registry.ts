// Every Meilisearch index the portal keeps. Domains add their definition here. (bulk_cases is for
// the load benches only: scripts/import-bulk-cases.ts builds it, production never reads it.)
import { servicePointsIndex } from './definitions/service-points'
import { casesIndex } from './definitions/cases'
import { statutesIndex } from './definitions/statutes'
import type { IndexDefinition } from './types'

export const searchIndexes: readonly IndexDefinition[] = [
  servicePointsIndex,
  casesIndex,
  statutesIndex,
]
