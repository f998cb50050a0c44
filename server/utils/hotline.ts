// Nitro glue for the hotline console: per-instance dependencies from the AppContext (the booking
// service's, since callbacks are appointments of channel hotline_callback, and the eligibility
// engine's configuration, for the screening and the application started from a call).
import type { AppContext } from '../app-context'
import type { HotlineFromCallDeps } from '../domain/hotline/service'
import { appointmentDeps } from './appointments'
import { eligibilityConfigSource } from './legal-aid'

export function hotlineDeps(app: AppContext, ipHash: string | null = null): HotlineFromCallDeps {
  const config = eligibilityConfigSource(app)
  return { ...appointmentDeps(app), ipHash, screeningConfig: now => config.get(now) }
}
