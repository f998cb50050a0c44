// Query of the public library search (/api/search and the search page). Category and group are
// checked against the fixed lists, so only whitelisted values ever reach a search filter.
import { z } from './zod'
import { CASE_CATEGORIES, PRIORITY_GROUP_CODES } from '../domain/cases/taxonomy'

export const SEARCH_QUERY_MAX = 200
export const SEARCH_LIMIT_MAX = 50

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess(v => (v === '' ? undefined : v), z.enum(values, { error: message }).optional())

export const searchLibraryQuery = z.object({
  q: z.string({ error: '搜索内容必须是文字' }).trim().max(SEARCH_QUERY_MAX, { error: `搜索内容不能超过 ${SEARCH_QUERY_MAX} 个字` }).default(''),
  category: optionalEnum(CASE_CATEGORIES, '请选择列表中的案例分类'),
  group: optionalEnum(PRIORITY_GROUP_CODES, '请选择列表中的重点人群'),
  page: z.coerce.number({ error: '页码必须是数字' }).int({ error: '页码必须是整数' }).min(1, { error: '页码从 1 开始' }).max(100, { error: '页码不能超过 100' }).default(1),
  limit: z.coerce.number({ error: '每页条数必须是数字' }).int({ error: '每页条数必须是整数' }).min(1, { error: '每页至少 1 条' }).max(SEARCH_LIMIT_MAX, { error: `每页最多 ${SEARCH_LIMIT_MAX} 条` }).default(10),
})

export type SearchLibraryQuery = z.infer<typeof searchLibraryQuery>

/** Dataset statute id (e.g. L67a404eb29-a0031, or L…-doc for a whole-document record). */
export const statuteIdParams = z.object({
  id: z.string().regex(/^L[0-9a-f]{10}-(?:a\d{4}(?:-\d+)?|doc)$/, { error: '法条编号格式不正确' }),
})

export const caseSlugParams = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: '案例网址不正确' }).max(80),
})
