// zod inputs of the 12348 hotline console: one schema for the form and the route.
import { z } from './zod'
import { CASE_CATEGORIES, PRIORITY_GROUP_CODES } from '../domain/cases/taxonomy'
import { findPii } from '../domain/cases/pii'
import { canonicalPhone, PHONE_MESSAGE, phoneKind } from '../domain/applications/phone'

export const HOTLINE_OUTCOMES = ['answered', 'referred_service_point', 'legal_aid_screening', 'callback_booked', 'transferred'] as const
export type HotlineOutcomeCode = typeof HOTLINE_OUTCOMES[number]
export const HOTLINE_OUTCOME_LABELS: Record<HotlineOutcomeCode, string> = {
  answered: '已解答',
  referred_service_point: '转介到服务点',
  legal_aid_screening: '已做法律援助初筛',
  callback_booked: '预约律师回拨',
  transferred: '已转接',
}

export const SUMMARY_MAX = 2000
export const SUMMARY_ID_MESSAGE = '摘要中不能填写身份证号，请删除后再保存'

export const hotlinePhoneField = z.string({ error: '请填写来电号码' }).max(30, PHONE_MESSAGE)
  .transform(canonicalPhone)
  .refine(v => phoneKind(v) !== undefined, PHONE_MESSAGE)

export const summaryField = z.string({ error: '请填写来电摘要' }).trim()
  .min(1, '请填写来电摘要')
  .max(SUMMARY_MAX, `摘要不能超过 ${SUMMARY_MAX} 个字`)
  .refine(v => !findPii(v).some(f => f.kind === 'id_number'), SUMMARY_ID_MESSAGE)

export const logCallBody = z.strictObject({
  topic: z.enum(CASE_CATEGORIES, { error: '请选择咨询类别' }),
  summary: summaryField,
  callerGroups: z.array(z.enum(PRIORITY_GROUP_CODES, { error: '人群类别不正确' })).max(PRIORITY_GROUP_CODES.length).default([])
    .transform(v => [...new Set(v)]),
  outcome: z.enum(HOTLINE_OUTCOMES, { error: '请选择处理结果' }),
  /** Optional: anonymous callers are welcome. Required for a callback. */
  callerPhone: hotlinePhoneField.optional(),
  servicePointId: z.uuid('请选择服务点').optional(),
  callbackWindowId: z.uuid('请选择回拨时段').optional(),
})
export type LogCallBody = z.infer<typeof logCallBody>
export type LogCallInput = z.input<typeof logCallBody>

export const hotlineIdParams = z.object({ id: z.uuid('编号格式不正确') })

export const listCallsQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
})

export const callbackQueueQuery = z.object({
  /** Empty (a cleared date field) means today. */
  date: z.preprocess(v => (v === '' ? undefined : v), z.iso.date('日期格式应为 YYYY-MM-DD').optional()),
})

export const revealCallbackBody = z.strictObject({
  purpose: z.string({ error: '请说明查看完整号码的用途' }).trim().min(4, '请说明查看完整号码的用途（至少 4 个字）').max(200, '用途不能超过 200 个字'),
})

export const completeCallbackBody = z.strictObject({
  status: z.enum(['done', 'missed'], { error: '请选择回拨结果' }),
})
export type CompleteCallbackBody = z.infer<typeof completeCallbackBody>
