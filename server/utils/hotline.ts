// Nitro glue for the hotline console: per-instance dependencies from the AppContext.
import type { AppContext } from '../app-context'
import type { HotlineDeps } from '../domain/hotline/service'
import { personalDataCryptoOf } from './personal-data'

export function hotlineDeps(app: AppContext): HotlineDeps {
  return { db: app.db, crypto: personalDataCryptoOf(app), now: () => new Date() }
}
