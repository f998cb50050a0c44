/**
 * Domain errors carry a stable SCREAMING_SNAKE code; the API layer maps them to HTTP statuses and
 * the page maps codes to Chinese messages. `message` is a safe Chinese sentence (no user input).
 */
export type DomainErrorKind = 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'gone' | 'too_many' | 'unavailable'

export class DomainError extends Error {
  constructor(
    public readonly code: string,
    public readonly kind: DomainErrorKind,
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

export const statusOfKind: Record<DomainErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_many: 429,
  unavailable: 503,
}
