// Nitro glue for the hotline console: per-instance dependencies from the AppContext.
import type { AppContext } from '../app-context'
import { personalDataCrypto, type PersonalDataCrypto } from '../domain/crypto/aead'
import type { HotlineDeps } from '../domain/hotline/service'

const perApp = new WeakMap<AppContext, PersonalDataCrypto>()

export function hotlineDeps(app: AppContext): HotlineDeps {
  let crypto = perApp.get(app)
  if (!crypto) {
    crypto = personalDataCrypto(app.cryptoKey)
    perApp.set(app, crypto)
  }
  return { db: app.db, crypto, now: () => new Date() }
}
