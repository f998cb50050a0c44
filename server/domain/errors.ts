/**
 * Domain errors carry a stable SCREAMING_SNAKE code from the one catalogue (shared/errors); the
 * catalogue gives the HTTP status and the Chinese sentence, so a service only names the code:
 * `throw new DomainError('CASE_NOT_FOUND')`. `details` are safe extra fields for the client (never
 * user input); `message` overrides the catalogue's sentence where one code has several precise
 * wordings (e.g. which password rule failed).
 */
import { errorCatalogue, type ErrorCode } from '../../shared/errors'

export type { ErrorCode } from '../../shared/errors'

/** The kind of refusal, named after its HTTP status (kept for callers and tests that read it). */
export type DomainErrorKind = 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'gone' | 'payload_too_large' | 'unsupported_media_type' | 'too_many' | 'unavailable'

const kindOfStatus: Record<number, DomainErrorKind> = {
  400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 410: 'gone',
  413: 'payload_too_large', 415: 'unsupported_media_type', 429: 'too_many', 503: 'unavailable',
}

export class DomainError extends Error {
  readonly status: number

  constructor(
    public readonly code: ErrorCode,
    public readonly details?: Record<string, unknown>,
    message?: string,
  ) {
    super(message ?? errorCatalogue[code].message)
    this.name = 'DomainError'
    this.status = errorCatalogue[code].status
  }

  get kind(): DomainErrorKind {
    return kindOfStatus[this.status] ?? 'bad_request'
  }
}
