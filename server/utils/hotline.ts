// Nitro glue for the hotline console: per-instance dependencies from the AppContext (the booking
// service's, since callbacks are appointments of channel hotline_callback).
import type { AppContext } from '../app-context'
import type { HotlineDeps } from '../domain/hotline/service'
import { appointmentDeps } from './appointments'

export function hotlineDeps(app: AppContext, ipHash: string | null = null): HotlineDeps {
  return { ...appointmentDeps(app), ipHash }
}
