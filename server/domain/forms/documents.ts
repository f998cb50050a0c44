/**
 * The applicant's document upload as a plain multipart form (POST /forms/legal-aid/documents →
 * 303 back to the page), shared with the page's fetch (JSON: the refusal is a 4xx with its code).
 * Who uploads is read from the encrypted draft cookie: the application this browser just sent
 * (`adone.reference`, sealed by the server) or the status look-up's proof (`st`). The outcome
 * of a plain upload is shown once on the page (`dflash`), never in the URL.
 * Framework-free.
 */

/**
 * Who the applicant is: the reference in the server-sealed draft cookie of the browser that sent
 * the application (`sealedReference`: only the server can write it there), the status look-up's
 * proof (reference + phone, counted look-ups), or an application id the server already holds.
 */
export type DocumentOwner = { applicationId: string } | { sealedReference: string } | { reference: string, phone: string }

export type DocumentsFrom = 'apply' | 'status'

export interface DocumentsFlash { from: DocumentsFrom, error?: string, done?: string }

export interface DocumentsState {
  adone?: { reference?: unknown }
  st?: { reference?: unknown, phone?: unknown }
  dflash?: DocumentsFlash
}

export const documentsFrom = (v: unknown): DocumentsFrom => (v === 'status' ? 'status' : 'apply')

export const DOCUMENTS_RETURN: Record<DocumentsFrom, string> = {
  apply: '/legal-aid/apply?step=done',
  status: '/legal-aid/status',
}

/** The owner this browser can prove for the page it came from, or undefined. */
export function documentOwnerOf(state: DocumentsState, from: DocumentsFrom): DocumentOwner | undefined {
  if (from === 'apply') {
    const ref = state.adone?.reference
    return typeof ref === 'string' && ref.length > 0 && ref.length <= 40 ? { sealedReference: ref } : undefined
  }
  const st = state.st
  return st && typeof st.reference === 'string' && typeof st.phone === 'string' ? { reference: st.reference, phone: st.phone } : undefined
}

/** The state after a plain upload: the one-time message for the page. */
export function withDocumentsFlash<S extends DocumentsState>(state: S, flash: DocumentsFlash): S {
  return { ...state, dflash: flash }
}

/** The flash for this page (shown once; the next upload replaces it). */
export function documentsFlashFor(state: DocumentsState, from: DocumentsFrom): DocumentsFlash | undefined {
  return state.dflash?.from === from ? state.dflash : undefined
}
