/**
 * The one error catalogue of the portal, shared by server and browser. Every code the API can
 * answer with has its HTTP status and a safe Chinese sentence here (never user input). Each area
 * keeps its codes in `shared/errors/<area>.ts`; add new codes there. The server throws
 * `new DomainError(code, details?)` (server/domain/errors.ts) and the browser shows
 * `errorMessage(code)`. test/unit/shared/errors/catalogue.test.ts fails when a thrown code is missing.
 */
import { appointmentsErrors } from './appointments'
import { casesErrors } from './cases'
import { documentsErrors } from './documents'
import { eligibilityErrors } from './eligibility'
import { hotlineErrors } from './hotline'
import { legalAidErrors } from './legal-aid'
import { platformErrors } from './platform'
import { staffErrors } from './staff'
import type { ErrorEntry } from './types'

export type { ErrorEntry } from './types'
export { defineErrors } from './types'

export const errorCatalogue = {
  ...platformErrors,
  ...staffErrors,
  ...casesErrors,
  ...eligibilityErrors,
  ...legalAidErrors,
  ...documentsErrors,
  ...hotlineErrors,
  ...appointmentsErrors,
} as const satisfies Record<string, ErrorEntry>

export type ErrorCode = keyof typeof errorCatalogue

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(errorCatalogue, code)
}

/** The catalogue entry of a code (status + message). */
export function errorEntry(code: ErrorCode): ErrorEntry {
  return errorCatalogue[code]
}

/** The HTTP status of a code. */
export function errorStatus(code: ErrorCode): number {
  return errorCatalogue[code].status
}

/**
 * The Chinese sentence for a code, ending with a full stop, for showing to people; `undefined`
 * for a code that is not in the catalogue (the caller decides the fallback).
 */
export function errorMessage(code: string | undefined): string | undefined {
  if (!isErrorCode(code)) return undefined
  return withFullStop(errorCatalogue[code].message)
}

/** Adds 。 unless the sentence already ends with punctuation. */
export function withFullStop(sentence: string): string {
  return /[。！？.!?]$/.test(sentence) ? sentence : `${sentence}。`
}
