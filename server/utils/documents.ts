// Nitro glue for the documents applicants attach to legal-aid applications: per-request deps, and
// reading one multipart upload (the size is checked from Content-Length before anything is read).
import type { H3Event } from 'h3'
import type { AppContext } from '../app-context'
import type { DocumentsDeps } from '../domain/documents/service'
import { uploadBodyTooLarge } from '../domain/documents/files'
import { personalDataCryptoOf } from './personal-data'

export function documentsDeps(event: H3Event, app: AppContext): DocumentsDeps {
  return { db: app.db, crypto: personalDataCryptoOf(app), now: () => new Date(), ipHash: requestIpHash(event, app) }
}

export type UploadRead =
  | { ok: true, fields: Record<string, string>, file?: { bytes: Uint8Array, fileName?: string } }
  | { ok: false, code: 'DOCUMENT_TOO_LARGE' | 'DOCUMENT_FORM_INVALID' }

/**
 * One multipart/form-data upload: its text fields (first value each, 200 characters at most) and
 * its `file` part. Too large by Content-Length: refused unread. Not multipart: refused.
 */
export async function readUpload(event: H3Event): Promise<UploadRead> {
  if (uploadBodyTooLarge(getRequestHeader(event, 'content-length'))) return { ok: false, code: 'DOCUMENT_TOO_LARGE' }
  const type = (getRequestHeader(event, 'content-type') ?? '').toLowerCase()
  if (!type.startsWith('multipart/form-data') || !/boundary=/.test(type)) return { ok: false, code: 'DOCUMENT_FORM_INVALID' }
  let parts: Awaited<ReturnType<typeof readMultipartFormData>>
  try {
    parts = await readMultipartFormData(event)
  } catch {
    return { ok: false, code: 'DOCUMENT_FORM_INVALID' }
  }
  if (!parts) return { ok: false, code: 'DOCUMENT_FORM_INVALID' }
  const fields: Record<string, string> = {}
  let file: { bytes: Uint8Array, fileName?: string } | undefined
  for (const p of parts) {
    if (!p.name) continue
    if (p.name === 'file' && p.filename !== undefined) {
      // An empty file input still sends a part with no bytes: that is "no file chosen".
      file ??= { bytes: p.data, fileName: p.filename }
    } else if (!(p.name in fields)) {
      fields[p.name] = p.data.subarray(0, 800).toString('utf8').slice(0, 200)
    }
  }
  return { ok: true, fields, ...(file ? { file } : {}) }
}
