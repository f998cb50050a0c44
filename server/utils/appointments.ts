// Nitro glue for public appointments: per-instance dependencies from the AppContext.
import type { AppContext } from '../app-context'
import { personalDataCrypto, type PersonalDataCrypto } from '../domain/crypto/aead'
import type { AppointmentDeps } from '../domain/appointments/service'

const perApp = new WeakMap<AppContext, PersonalDataCrypto>()

export function appointmentDeps(app: AppContext): AppointmentDeps {
  let crypto = perApp.get(app)
  if (!crypto) {
    crypto = personalDataCrypto(app.cryptoKey)
    perApp.set(app, crypto)
  }
  return { db: app.db, crypto, now: () => new Date() }
}
