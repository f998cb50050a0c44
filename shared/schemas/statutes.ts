// Editor inputs of the statute corpus: mark a law repealed or superseded, import a new version of
// a law from a file (JSONL in the statutes dataset format). One schema for the form and the route.
import { z } from './zod'

export const LAW_ID_PATTERN = /^L[0-9a-f]{10}$/
const lawId = z.string().trim().regex(LAW_ID_PATTERN, { error: '法律编号格式不正确（如 Ldcf3ee39da）' })
const isoDate = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
  .refine(v => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), { error: '日期不存在' })
const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v)
const checkbox = z.preprocess(v => v === true || v === 'true' || v === 'on' || v === '1', z.boolean())

export const lawIdParams = z.object({ lawId })

/** Mark a law (every article of `lawId`) repealed or superseded. */
export const markLawStatusBody = z.object({
  status: z.enum(['repealed', 'superseded'], { error: '请选择"已废止"或"已被取代"' }),
  effectiveDate: z.preprocess(emptyToUndefined, isoDate.optional()),
  note: z.string().trim().max(500, { error: '说明不能超过 500 个字' }).default(''),
  successorLawId: z.preprocess(emptyToUndefined, lawId.optional()),
  successorRenumbered: checkbox.default(false),
})
export type MarkLawStatusBody = z.infer<typeof markLawStatusBody>
/** The 标记 form as a plain HTML form sends it (no JavaScript): the law's id travels with the fields. */
export const markLawStatusFormBody = markLawStatusBody.extend({ lawId })
export const MARK_LAW_STATUS_FIELDS = ['lawId', 'status', 'effectiveDate', 'note', 'successorLawId', 'successorRenumbered'] as const

/** The largest law file one import takes, in bytes of UTF-8 (the form and the JSON route alike). */
export const IMPORT_MAX_BYTES = 5_000_000
export const IMPORT_MAX_RECORDS = 5_000
export const IMPORT_TOO_LARGE_MESSAGE = '文件过大（最多 5 MB）'

/** Bytes of `s` as UTF-8 (no copy; a lone surrogate counts as the 3 bytes of U+FFFD). */
export function utf8ByteLength(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xFC00) === 0xDC00) { n += 4; i++ }
    else n += 3
  }
  return n
}

/** One record of the statutes dataset (statutes.jsonl.gz). */
export const statuteRecordSchema = z.object({
  id: z.string().regex(/^L[0-9a-f]{10}-(?:a\d{4}(?:-\d+)?|doc)$/, { error: '法条编号格式不正确（如 Lxxxxxxxxxx-a0001）' }),
  law_id: lawId,
  law_title: z.string().trim().min(2).max(200),
  law_short_title: z.string().max(100).nullish(),
  part: z.string().max(100).nullish(),
  level: z.enum(['宪法', '法律', '行政法规', '司法解释', '部门规章', '地方性法规', '其他'], { error: '效力级别不正确' }),
  category: z.string().max(100).nullish(),
  region: z.string().max(50).nullish(),
  version_date: isoDate.nullish(),
  is_latest: z.boolean().default(true),
  in_force: z.boolean().default(true),
  chapter_path: z.array(z.string().max(200)).max(10).nullish(),
  article_no: z.number().int().min(0).max(100_000),
  article_label: z.string().trim().min(1).max(40),
  text: z.string().trim().min(1).max(50_000),
}).refine(r => r.id.startsWith(`${r.law_id}-`), { error: '法条编号必须以所属法律编号开头', path: ['id'] })

/** Import a new version of a law: its articles as JSONL, and (optionally) the law it supersedes. */
export const importLawVersionBody = z.object({
  jsonl: z.string().min(1, { error: '请提供法条文件内容（JSONL）' }).max(IMPORT_MAX_BYTES, { error: IMPORT_TOO_LARGE_MESSAGE })
    .refine(s => utf8ByteLength(s) <= IMPORT_MAX_BYTES, { error: IMPORT_TOO_LARGE_MESSAGE }),
  supersedesLawId: z.preprocess(emptyToUndefined, lawId.optional()),
  effectiveDate: z.preprocess(emptyToUndefined, isoDate.optional()),
  note: z.string().trim().max(500).default(''),
  renumbered: checkbox.default(false),
})
export type ImportLawVersionBody = z.infer<typeof importLawVersionBody>
/**
 * The import form as a plain HTML form sends it (multipart, no JavaScript): these text fields, and
 * the chosen file as the part named `file` (its bytes become `jsonl`, then importLawVersionBody).
 */
export const IMPORT_LAW_VERSION_FIELDS = ['supersedesLawId', 'effectiveDate', 'note', 'renumbered'] as const
export const IMPORT_FILE_FIELD = 'file'
