// Start-up seed steps. Each step is idempotent; domains append theirs in ./index.ts.
import type { AppContext } from '../app-context'

export interface SeedStep {
  name: string
  /** Demo-only steps run only when seed.demo is on. */
  demo: boolean
  run(ctx: AppContext, log: (m: string) => void): Promise<void>
}
