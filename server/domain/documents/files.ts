/**
 * What an applicant may attach to a legal-aid application, decided from the bytes: JPEG, PNG or
 * PDF recognised by their signatures (magic bytes), never by the file name or the Content-Type
 * the browser sent (a renamed .exe or an HTML page called 身份证.jpg is refused). Limits per file
 * and per application; the client's file name is only kept cleaned (no control or bidi
 * characters, no path), encrypted, and never used for the download name.
 *
 * Framework-free: pure functions, DomainError codes from shared/errors/documents.ts.
 */
import { DomainError } from '../errors'
import { DOCUMENT_KINDS, MAX_DOCUMENTS, MAX_FILE_BYTES, MAX_TOTAL_BYTES, type DocumentKind } from '../../../shared/domain/applications/documents'

export { DOCUMENT_KINDS, MAX_DOCUMENTS, MAX_FILE_BYTES, MAX_TOTAL_BYTES, type DocumentKind }
/** The largest multipart body the upload route reads (one file plus its form fields). */
export const MAX_UPLOAD_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024

export interface SniffedType { mimeType: 'image/jpeg' | 'image/png' | 'application/pdf', extension: 'jpg' | 'png' | 'pdf' }

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x)

const PNG = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
const IHDR = [0x49, 0x48, 0x44, 0x52]
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2D] // %PDF-

/**
 * The type the content is, or null. JPEG: SOI (FF D8) followed by a marker (FF xx); PNG: the
 * 8-byte signature and the IHDR chunk first; PDF: `%PDF-1.` / `%PDF-2.` at the very start.
 */
export function sniffType(bytes: Uint8Array): SniffedType | null {
  if (bytes.length >= 4 && bytes[0] === 0xFF && bytes[1] === 0xD8 && bytes[2] === 0xFF && bytes[3]! >= 0xC0 && bytes[3]! !== 0xFF) {
    return { mimeType: 'image/jpeg', extension: 'jpg' }
  }
  if (startsWith(bytes, PNG) && startsWith(bytes, IHDR, 12)) return { mimeType: 'image/png', extension: 'png' }
  if (startsWith(bytes, PDF) && (bytes[5] === 0x31 || bytes[5] === 0x32) && bytes[6] === 0x2E) {
    return { mimeType: 'application/pdf', extension: 'pdf' }
  }
  return null
}

export interface DocumentUsage { count: number, totalBytes: number }

/** Checks one upload against the limits and the content rule; returns its type or throws. */
export function checkUpload(input: { bytes: Uint8Array, kind: unknown }, usage: DocumentUsage): SniffedType & { kind: DocumentKind } {
  if (!(DOCUMENT_KINDS as readonly unknown[]).includes(input.kind)) throw new DomainError('DOCUMENT_KIND_INVALID')
  if (input.bytes.length === 0) throw new DomainError('DOCUMENT_EMPTY')
  if (input.bytes.length > MAX_FILE_BYTES) throw new DomainError('DOCUMENT_TOO_LARGE')
  const type = sniffType(input.bytes)
  if (!type) throw new DomainError('DOCUMENT_TYPE_REFUSED')
  if (usage.count >= MAX_DOCUMENTS) throw new DomainError('DOCUMENTS_TOO_MANY')
  if (usage.totalBytes + input.bytes.length > MAX_TOTAL_BYTES) throw new DomainError('DOCUMENTS_TOTAL_TOO_LARGE')
  return { ...type, kind: input.kind as DocumentKind }
}

/** A body size the route refuses before reading it (too large for any accepted file). */
export function uploadBodyTooLarge(contentLength: string | undefined | null): boolean {
  if (!contentLength) return false
  const n = Number(contentLength)
  return !Number.isFinite(n) || n > MAX_UPLOAD_BODY_BYTES
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_NAME_CHARS = /[<>:"|?*\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\uD800-\uDFFF]/g

/**
 * The client's file name as something safe to keep and show as text: the last path segment,
 * without control, zero-width or bidi-override characters (nor `<>:"|?*`) (a name like `证明\u202Egpj.exe`
 * cannot pose as another type), at most 60 characters, with the extension of the real type.
 * An empty result becomes `材料`.
 */
export function cleanFileName(raw: unknown, type: SniffedType): string {
  const s = typeof raw === 'string' ? raw : ''
  const last = s.split(/[\\/]/).pop() ?? ''
  const base = last.replace(UNSAFE_NAME_CHARS, '').replace(/\.[^.]*$/, '').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 60)
  return `${base || '材料'}.${type.extension}`
}

/** The download name: the reference, the document's number and the real type (ASCII only). */
export function downloadName(reference: string, seq: number, type: { extension: string }): string {
  return `${reference.replace(/[^A-Za-z0-9-]/g, '')}-${seq}.${type.extension}`
}
