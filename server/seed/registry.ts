// Start-up seed steps. Each step is idempotent; domains append theirs in ./index.ts. The app
// context runs the steps it is handed (createAppContext(config, { seedSteps })), so seeds never
// import the context: they see only the slice of it they need.
import type { AppConfig } from '../config'
import type { Db } from '../db/client'
import type { SearchConnection } from '../adapters/search/client'

/** What a seed step may use of the app context. */
export interface SeedContext {
  config: AppConfig
  db: Db
  /** null when the search engine could not be reached at start-up. */
  search: SearchConnection | null
  /** Resolves when start-up index checks/rebuilds are finished. */
  indexesReady: Promise<void>
  /** This instance's statute ranker: told at once when a seed changes the corpus (others notice by its version). */
  statuteRanker?: { refresh(): Promise<unknown> }
  /**
   * Work a step leaves running after it returns that changes what the library searches (the rest of the
   * statute corpus): the context's `statutesSettled` waits for it.
   */
  inBackground?(work: Promise<unknown>): void
}

export interface SeedStep {
  name: string
  /** Demo-only steps run only when seed.demo is on. */
  demo: boolean
  run(ctx: SeedContext, log: (m: string) => void): Promise<void>
}
