import { importedLawNotice } from '#shared/domain/cases/statute-import'
import { IMPORT_FILE_FIELD, IMPORT_LAW_VERSION_FIELDS, IMPORT_MAX_BYTES, importLawVersionBody } from '#shared/schemas/statutes'
import { importLawVersion, lawVersionFileText } from '~~/server/domain/statutes/service'

// 导入新版本 without JavaScript (issue 8; with it, the page reads the file and posts JSON to
// POST /api/staff/statutes/import): a multipart form with the file, read only for an editor, at
// most IMPORT_MAX_BYTES; its text goes through the same schema, service and audit
// (law.import_version), then 303 back to /staff/statutes with the counts, or the refusal in words.
export default defineStaffFormHandler({
  form: 'statutes-import',
  roles: ['editor'],
  back: () => '/staff/statutes',
  upload: { maxBytes: IMPORT_MAX_BYTES + 64 * 1024, tooLarge: 'IMPORT_FILE_TOO_LARGE', invalid: 'IMPORT_FORM_INVALID' },
}, async ({ event, actor, fields, files }) => {
  const jsonl = lawVersionFileText(files[IMPORT_FILE_FIELD])
  const body = importLawVersionBody.parse({ ...Object.fromEntries(IMPORT_LAW_VERSION_FIELDS.map(n => [n, field(fields, n)])), jsonl })
  const r = await importLawVersion(await statuteDeps(event), body, actor)
  return { to: '/staff/statutes', notice: importedLawNotice(r) }
})
