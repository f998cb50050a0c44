// Every Meilisearch index the portal keeps. Domains add their definition here.
import { servicePointsIndex } from './definitions/service-points'
import type { IndexDefinition } from './types'

export const searchIndexes: readonly IndexDefinition[] = [
  servicePointsIndex,
]
