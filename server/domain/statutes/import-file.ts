// A new version of a law as a file: JSONL in the statutes dataset's format, one article a line.
// Framework-free. Every line is checked with the shared schema; an error names the first bad line.
import { IMPORT_MAX_BYTES, IMPORT_MAX_RECORDS, statuteRecordSchema } from '../../../shared/schemas/statutes'
import { hasUnsafeText } from '../../../shared/schemas/zod'
import { DomainError } from '../errors'
import type { StatuteRecord } from '../search/statute-doc'

/** Parses the JSONL of one law's articles; every line is checked, errors name the line. */
export function parseLawVersionFile(jsonl: string): StatuteRecord[] {
  const lines = jsonl.split(/\r?\n/).map(l => l.trim()).filter(Boolean)
  if (!lines.length) throw new DomainError('IMPORT_EMPTY')
  if (lines.length > IMPORT_MAX_RECORDS) throw new DomainError('IMPORT_TOO_LARGE', undefined, `一次最多导入 ${IMPORT_MAX_RECORDS} 条`)
  const records: StatuteRecord[] = []
  const errors: Array<{ line: number, path: string }> = []
  lines.forEach((line, i) => {
    let raw: unknown
    // NUL and lone surrogates (JSON escapes can make them) are no text: PostgreSQL cannot store NUL
    let unsafe = ''
    try {
      raw = JSON.parse(line, (k, v: unknown) => {
        if (!unsafe && typeof v === 'string' && hasUnsafeText(v)) unsafe = k
        return v
      })
    } catch { errors.push({ line: i + 1, path: '' }); return }
    if (unsafe) { errors.push({ line: i + 1, path: unsafe }); return }
    const r = statuteRecordSchema.safeParse(raw)
    if (!r.success) { errors.push({ line: i + 1, path: r.error.issues[0]?.path.join('.') ?? '' }); return }
    records.push(r.data as StatuteRecord)
  })
  if (errors.length) throw new DomainError('IMPORT_INVALID', { lines: errors.slice(0, 20) }, `第 ${errors[0]!.line} 行格式不正确${errors[0]!.path ? `（${errors[0]!.path}）` : ''}`)
  const lawIds = new Set(records.map(r => r.law_id))
  if (lawIds.size !== 1) throw new DomainError('IMPORT_MIXED_LAWS')
  const ids = new Set<string>()
  for (const r of records) {
    if (ids.has(r.id)) throw new DomainError('IMPORT_DUPLICATE_ID', undefined, `法条编号 ${r.id} 重复`)
    ids.add(r.id)
  }
  return records
}


const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/**
 * The text of an uploaded law file (the import form without JavaScript): present, at most
 * IMPORT_MAX_BYTES, and UTF-8 (a BOM is dropped). Anything else is refused in words, before any
 * line is read.
 */
export function lawVersionFileText(file: { bytes: Uint8Array } | undefined): string {
  if (!file || file.bytes.length === 0) throw new DomainError('IMPORT_FILE_MISSING')
  if (file.bytes.length > IMPORT_MAX_BYTES) throw new DomainError('IMPORT_FILE_TOO_LARGE')
  try {
    return utf8.decode(file.bytes)
  } catch {
    throw new DomainError('IMPORT_NOT_UTF8')
  }
}
