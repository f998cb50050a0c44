// Nitro glue for eligibility screening and legal-aid applications: per-instance dependencies
// derived from the AppContext (config cache, personal-data crypto).
import type { AppContext } from '../app-context'
import { personalDataCrypto, type PersonalDataCrypto } from '../domain/crypto/aead'
import { createConfigSource, type ConfigSource } from '../domain/eligibility/config-source'
import type { LegalAidDeps } from '../domain/legal-aid/service'

const perApp = new WeakMap<AppContext, { config: ConfigSource, crypto: PersonalDataCrypto }>()

function parts(app: AppContext) {
  let p = perApp.get(app)
  if (!p) {
    p = { config: createConfigSource(app.db), crypto: personalDataCrypto(app.cryptoKey) }
    perApp.set(app, p)
  }
  return p
}

/** Engine configuration from the database, cached for a minute on this instance. */
export function eligibilityConfigSource(app: AppContext): ConfigSource {
  return parts(app).config
}

export function legalAidDeps(app: AppContext): LegalAidDeps {
  const p = parts(app)
  return { db: app.db, crypto: p.crypto, now: () => new Date(), screeningConfig: now => p.config.get(now) }
}
