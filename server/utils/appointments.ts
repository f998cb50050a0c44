// Nitro glue for public appointments: per-instance dependencies from the AppContext.
import type { AppContext } from '../app-context'
import type { AppointmentDeps } from '../domain/appointments/service'
import { personalDataCryptoOf } from './personal-data'

export function appointmentDeps(app: AppContext): AppointmentDeps {
  return { db: app.db, crypto: personalDataCryptoOf(app), now: () => new Date() }
}
