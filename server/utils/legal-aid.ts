// Nitro glue for eligibility screening and legal-aid applications: per-instance dependencies
// derived from the AppContext (config cache, personal-data crypto).
import type { AppContext } from '../app-context'
import { createConfigSource, type ConfigSource } from '../domain/eligibility/config-source'
import type { H3Event } from 'h3'
import type { ScreeningDeps, StandardsDeps } from '../domain/eligibility/service'
import type { LegalAidDeps, PublicLegalAidDeps } from '../domain/legal-aid/service'
import { personalDataCryptoOf } from './personal-data'

const configs = new WeakMap<AppContext, ConfigSource>()

/** Engine configuration from the database, cached for a minute on this instance. */
export function eligibilityConfigSource(app: AppContext): ConfigSource {
  let config = configs.get(app)
  if (!config) {
    config = createConfigSource(app.db)
    configs.set(app, config)
  }
  return config
}

/** The legal-aid service's dependencies; `ipHash` (requestIpHash) for the audit and the public look-up limit. */
export function legalAidDeps(app: AppContext, ipHash: string): PublicLegalAidDeps
export function legalAidDeps(app: AppContext, ipHash?: string | null): LegalAidDeps
export function legalAidDeps(app: AppContext, ipHash: string | null = null): LegalAidDeps {
  const config = eligibilityConfigSource(app)
  return { db: app.db, crypto: personalDataCryptoOf(app), now: () => new Date(), screeningConfig: now => config.get(now), ipHash }
}

export function screeningDeps(app: AppContext): ScreeningDeps {
  const config = eligibilityConfigSource(app)
  return { db: app.db, now: () => new Date(), screeningConfig: now => config.get(now) }
}

/** A new standards version drops this instance's cached screening config at once. */
export function standardsDeps(event: H3Event, app: AppContext): StandardsDeps {
  return { db: app.db, ipHash: requestIpHash(event, app), onChange: () => eligibilityConfigSource(app).invalidate() }
}
