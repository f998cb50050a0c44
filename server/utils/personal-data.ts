// The personal-data crypto of this app instance (field cipher + lookup hashes), derived once per
// AppContext from its key. Every area's dependencies take it from here.
import type { AppContext } from '../app-context'
import { personalDataCrypto, type PersonalDataCrypto } from '../domain/crypto/aead'

const perApp = new WeakMap<AppContext, PersonalDataCrypto>()

export function personalDataCryptoOf(app: AppContext): PersonalDataCrypto {
  let crypto = perApp.get(app)
  if (!crypto) {
    crypto = personalDataCrypto(app.cryptoKey)
    perApp.set(app, crypto)
  }
  return crypto
}
