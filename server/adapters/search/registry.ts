// Every Meilisearch index the portal keeps: only indexes a production request reads (the library
// search reads cases and statutes; the service-point finder reads PostgreSQL). Domains add their
// definition here. (bulk_cases is for the load benches only: scripts/import-bulk-cases.ts builds it.)
import { casesIndex } from './definitions/cases'
import { statutesIndex } from './definitions/statutes'
import type { IndexDefinition } from './types'

export const searchIndexes: readonly IndexDefinition[] = [
  casesIndex,
  statutesIndex,
]
