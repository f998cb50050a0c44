// Nitro auto-imports server/utils: the logger itself lives in server/adapters/logger.ts so the app
// context, scripts and domain code import it without reaching up into the Nitro glue.
export { loggablePath, logger, maskDigits, REDACTED_KEYS, safeError, type SafeError } from '../adapters/logger'
