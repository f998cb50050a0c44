// Every Meilisearch index the portal keeps. Domains add their definition here.
import { servicePointsIndex } from './definitions/service-points'
import { casesIndex } from './definitions/cases'
import { statutesIndex } from './definitions/statutes'
import { bulkCasesIndex } from './definitions/bulk-cases'
import { knownQuestionsIndex } from './definitions/known-questions'
import type { IndexDefinition } from './types'

export const searchIndexes: readonly IndexDefinition[] = [
  servicePointsIndex,
  casesIndex,
  statutesIndex,
  bulkCasesIndex,
  knownQuestionsIndex,
]
