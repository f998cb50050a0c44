/**
 * zod schemas for the editorial content of the 以案释法 case library.
 * One schema, two users: the seed-content tests and (later) the editor form,
 * so every message is user-facing Simplified Chinese.
 */
import { z } from 'zod'
import {
  CASE_CATEGORIES,
  NATIONAL_REGION,
  PRIORITY_GROUP_CODES,
  YINCHUAN_REGIONS,
} from '../domain/cases/taxonomy'

export const SUMMARY_MAX_LENGTH = 120

const text = (label: string, min = 1, max = 5000) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .min(min, { error: min <= 1 ? `请填写${label}` : `${label}至少需要 ${min} 个字` })
    .max(max, { error: `${label}不能超过 ${max} 个字` })

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

export const caseSlug = z
  .string({ error: '网址标识必须是文字' })
  .min(3, { error: '网址标识至少 3 个字符' })
  .max(80, { error: '网址标识不能超过 80 个字符' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: '网址标识只能使用小写字母、数字和短横线（-），且不能以短横线开头或结尾' })

export const caseCategory = z.enum(CASE_CATEGORIES, { error: '请选择案例分类列表中的一项' })

export const priorityGroupCode = z.enum(PRIORITY_GROUP_CODES, { error: '重点人群代码无效' })

export const caseGroups = z
  .array(priorityGroupCode, { error: '重点人群必须是列表' })
  .refine(list => new Set(list).size === list.length, { error: '重点人群不能重复' })

/** 统计规约中用到的法条编号（如 L67a404eb29-a0031）。 */
export const statuteId = z
  .string({ error: '法条编号必须是文字' })
  .regex(/^L[0-9a-f]{10}-(?:a\d{4}(?:-\d+)?|doc)$/, { error: '法条编号格式不正确（应形如 L67a404eb29-a0031）' })

const statuteIdList = z
  .array(statuteId, { error: '法条编号必须是列表' })
  .refine(list => new Set(list).size === list.length, { error: '法条编号不能重复' })

const commonQuestions = z
  .array(text('常见问法', 4, 100), { error: '常见问法必须是列表' })
  .min(3, { error: '请至少填写 3 个常见问法（老百姓自己会怎么问）' })
  .refine(list => new Set(list).size === list.length, { error: '常见问法不能重复' })

const summary = text('摘要', 10, SUMMARY_MAX_LENGTH)

export const caseDate = z
  .string({ error: '日期必须是文字' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
  .refine(isRealDate, { error: '日期不存在，请检查年月日' })

/** 一个以案释法案例（原创编写）。 */
export const explainedCaseContent = z.strictObject({
  slug: caseSlug,
  title: text('标题', 4, 60),
  category: caseCategory,
  groups: caseGroups,
  region: z.enum(YINCHUAN_REGIONS, { error: '请选择银川市或所属县（市）区' }),
  date: caseDate,
  source: text('来源', 4, 120),
  facts: text('案情', 40, 3000),
  question: text('争议焦点', 6, 600),
  outcome: text('处理结果', 10, 2000),
  explanation: text('释法', 150, 6000),
  nextSteps: z
    .array(text('办理指引', 4, 400), { error: '办理指引必须是列表' })
    .min(2, { error: '请至少写 2 条“您可以怎么做”' }),
  statuteIds: statuteIdList.min(1, { error: '请至少引用 1 条法条' }),
  commonQuestions,
  summary,
}, { error: '案例内容格式不正确' })

export type ExplainedCaseContent = z.infer<typeof explainedCaseContent>

/** 对数据集中典型案例（typical_cases.jsonl）的编辑补充。 */
export const typicalCaseOverride = z.strictObject({
  id: z.string().regex(/^lawref-case-[0-9a-f]{10}$/, { error: '典型案例编号格式不正确' }),
  category: caseCategory,
  groups: caseGroups,
  region: z.literal(NATIONAL_REGION, { error: '典型案例的地区应为“全国”' }),
  commonQuestions,
  statuteIds: statuteIdList,
  summary,
  explanation: text('释法', 40, 3000).optional(),
}, { error: '典型案例补充格式不正确' })

export type TypicalCaseOverride = z.infer<typeof typicalCaseOverride>

export const typicalCaseOverrides = z.array(typicalCaseOverride)
