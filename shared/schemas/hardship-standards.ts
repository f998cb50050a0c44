// Admin input for a new 经济困难标准 version (法律援助法第三十四条). Chinese messages.
import { countyCodes, residenceCodes } from './eligibility'
import { z } from './zod'

const isoDate = z.string({ error: '请填写日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(v => { const d = new Date(`${v}T00:00:00Z`); return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v }, '日期不存在')

export const addStandardBody = z.strictObject({
  id: z.string({ error: '请填写版本编号' }).trim().regex(/^[a-z0-9][a-z0-9-]{2,60}$/, '版本编号为 3-61 位小写字母、数字和 -，如 yc-2027-xingqing-urban'),
  county: z.enum(countyCodes, { error: '请选择县（市、区）' }),
  residence: z.enum(residenceCodes, { error: '请选择城镇或农村' }),
  dibaoMonthly: z.number({ error: '低保标准必须是数字' }).positive('低保标准必须大于 0').max(100_000, '低保标准数额过大，请核对'),
  multiplier: z.number({ error: '倍数必须是数字' }).positive('倍数必须大于 0').max(10, '倍数不能超过 10'),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.optional(),
  source: z.string({ error: '请填写来源' }).trim().min(4, '请写明来源（文件名称、文号或公布网址）').max(500, '来源不能超过 500 个字'),
  note: z.string().trim().max(1000, '备注不能超过 1000 个字').optional(),
}).refine(s => s.effectiveTo === undefined || s.effectiveTo >= s.effectiveFrom, { path: ['effectiveTo'], message: '失效日期不能早于生效日期' })
export type AddStandardBody = z.output<typeof addStandardBody>

/**
 * The add-version form's fields as typed → the input `addStandardBody` checks. The page (with
 * JavaScript) and its form route without (server/routes/staff/admin/standards.post.ts) convert alike.
 */
export function standardFormBody(get: (name: string) => string | undefined) {
  const text = (name: string) => get(name) ?? ''
  const optional = (name: string) => (text(name).trim() ? text(name) : undefined)
  const effectiveTo = optional('effectiveTo')
  const note = optional('note')
  return {
    id: text('id'), county: text('county'), residence: text('residence'),
    dibaoMonthly: Number(text('dibaoMonthly')), multiplier: Number(text('multiplier')),
    effectiveFrom: text('effectiveFrom'), ...(effectiveTo ? { effectiveTo } : {}), source: text('source'), ...(note ? { note } : {}),
  }
}
