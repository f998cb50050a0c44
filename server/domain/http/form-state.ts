/**
 * The server-side draft of the public forms that work without JavaScript (questionnaire,
 * application, status look-up): one small JSON object, compressed (deflate), encrypted and
 * authenticated (AES-256-GCM, key derived from the portal's master key for this purpose only),
 * carried in HttpOnly session cookies split into chunks. Nothing personal ever goes into a URL,
 * nothing is written to the database before the resident sends the form, several app instances
 * read the same draft (same master key), and the draft is gone when the browser is closed, after
 * DRAFT_TTL_MS without a change, or when the resident leaves with 快速离开.
 *
 * Framework-free (node:crypto, node:zlib).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { deriveKey } from '../crypto/aead'

export const FORM_STATE_COOKIE = 'ycfy_draft'
/** Characters per cookie (browsers keep at least 4096 bytes per cookie, name and attributes included). */
export const CHUNK_CHARS = 3600
export const MAX_CHUNKS = 4
/** A draft untouched for this long is dropped (a shared computer the next morning). */
export const DRAFT_TTL_MS = 12 * 60 * 60 * 1000

export interface FormStateCodec {
  seal(value: unknown, now: number): string[]
  open(chunks: readonly string[], now: number): unknown
}

export function formStateCodec(master: Buffer): FormStateCodec {
  const key = deriveKey(master, 'form-state/aes-256-gcm')
  return {
    seal(value, now) {
      const plain = deflateRawSync(Buffer.from(JSON.stringify({ t: now, v: value }), 'utf8'))
      const nonce = randomBytes(12)
      const c = createCipheriv('aes-256-gcm', key, nonce)
      c.setAAD(Buffer.from(FORM_STATE_COOKIE))
      const body = Buffer.concat([c.update(plain), c.final()])
      const text = Buffer.concat([nonce, c.getAuthTag(), body]).toString('base64url')
      const chunks: string[] = []
      for (let i = 0; i < text.length; i += CHUNK_CHARS) chunks.push(text.slice(i, i + CHUNK_CHARS))
      if (chunks.length > MAX_CHUNKS) throw new RangeError('form state too large')
      return chunks
    },
    open(chunks, now) {
      try {
        const blob = Buffer.from(chunks.join(''), 'base64url')
        if (blob.length < 29) return undefined
        const d = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12))
        d.setAAD(Buffer.from(FORM_STATE_COOKIE))
        d.setAuthTag(blob.subarray(12, 28))
        const plain = inflateRawSync(Buffer.concat([d.update(blob.subarray(28)), d.final()]), { maxOutputLength: 64 * 1024 })
        const parsed = JSON.parse(plain.toString('utf8')) as { t?: unknown, v?: unknown }
        if (typeof parsed.t !== 'number' || now - parsed.t > DRAFT_TTL_MS || parsed.t - now > 60_000) return undefined
        return parsed.v
      } catch {
        // altered, from another key, or truncated: start again with an empty draft
        return undefined
      }
    },
  }
}

/** A same-site path to return to after a form (never another host, never a scheme). */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string') return fallback
  const v = value.trim()
  if (!v.startsWith('/') || v.startsWith('//') || v.startsWith('/\\') || v.length > 500) return fallback
  if ([...v].some(ch => ch.charCodeAt(0) < 0x20)) return fallback
  return v
}
