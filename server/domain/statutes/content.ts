// content/statutes/law-status.json: editorial law-status records every start seeds (source 'seed').
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { LAW_ID_PATTERN, markLawStatusBody } from '../../../shared/schemas/statutes'

export const seededLawStatusSchema = markLawStatusBody.extend({
  lawId: z.string().regex(LAW_ID_PATTERN),
  lawTitle: z.string().min(2),
  successorLawId: z.string().regex(LAW_ID_PATTERN).nullish().transform(v => v ?? undefined),
  effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullish().transform(v => v ?? undefined),
})
export type SeededLawStatus = z.infer<typeof seededLawStatusSchema>

export function loadLawStatusContent(contentDir: string): SeededLawStatus[] {
  const raw = JSON.parse(readFileSync(join(contentDir, 'statutes', 'law-status.json'), 'utf8')) as { records?: unknown }
  return z.array(seededLawStatusSchema).parse(raw.records ?? [])
}
