// Editor console inputs: the shared content schema (same messages in the form and the route),
// plus the version the editor saw (optimistic locking) and the lexicon review inputs.
import { z } from './zod'
import { explainedCaseContent } from './case-content'
import { NATIONAL_REGION, YINCHUAN_REGIONS } from '../domain/cases/taxonomy'
import { CASE_STATUSES_LIST } from '../domain/cases/status'

export const createCaseBody = explainedCaseContent

export const updateCaseBody = explainedCaseContent.extend({
  region: z.enum([...YINCHUAN_REGIONS, NATIONAL_REGION], { error: '请选择银川市、所属县（市）区或“全国”' }),
  version: z.number({ error: '缺少版本号' }).int().min(1),
})

export type CreateCaseBody = z.infer<typeof createCaseBody>
export type StaffCaseListQuery = z.infer<typeof staffCaseListQuery>
export type UpdateCaseBody = z.infer<typeof updateCaseBody>

export const staffCaseListQuery = z.object({
  status: z.preprocess(v => (v === '' ? undefined : v), z.enum(CASE_STATUSES_LIST, { error: '状态无效' }).optional()),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})

export const caseIdParams = z.object({ id: z.uuid({ error: '案例编号无效' }) })

const words = (label: string) => z.array(z.string().trim().min(1, { error: `${label}不能为空` }).max(40, { error: `${label}每项不超过 40 个字` }), { error: `${label}必须是列表` })
  .min(1, { error: `请至少填写 1 个${label}` }).max(20, { error: `${label}最多 20 项` })

export const createLexiconBody = z.strictObject({
  id: z.string().regex(/^[a-z0-9_]+(?:\.[a-z0-9_-]+)+$/, { error: '编号格式如 labor.boss（小写字母、数字、点）' }).max(80),
  colloquial: words('日常说法'),
  legal: words('法律用语'),
  kind: z.enum(['synonym', 'expansion'], { error: '类型只能是同义词或扩展词' }),
  domain: z.string().trim().max(20).optional(),
  note: z.string().trim().max(500).optional(),
})

export type CreateLexiconBody = z.infer<typeof createLexiconBody>

export const lexiconListQuery = z.object({
  status: z.preprocess(v => (v === '' ? undefined : v), z.enum(['draft', 'approved', 'rejected'], { error: '状态无效' }).optional()),
})

export type LexiconListQuery = z.infer<typeof lexiconListQuery>

export const lexiconIdParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_.-]{1,80}$/, { error: '编号无效' }) })
