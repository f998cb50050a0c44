// zod inputs of the 12348 hotline console: one schema for the form and the route.
import { calendarDate, z } from './zod'
import { CASE_CATEGORIES, PRIORITY_GROUP_CODES } from '../domain/cases/taxonomy'
import { findPii } from '../domain/cases/pii'
import { canonicalPhone, PHONE_MESSAGE, phoneKind } from '../domain/applications/phone'
import { screeningInput, type ScreeningInput } from './eligibility'
import { applyBody } from './applications'

/**
 * 处理结果 codes are data (table hotline_outcome_codes, admins edit them); these system codes are
 * seeded and the console's rules key on them (a callback needs a window, a referral a service point).
 */
export const SYSTEM_OUTCOMES = ['answered', 'referred_service_point', 'legal_aid_screening', 'callback_booked', 'transferred'] as const
export type HotlineOutcomeCode = string
export const OUTCOME_CODE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/

export const INTERPRETER_NEEDS = ['none', 'interpreter', 'sign_language'] as const
export type InterpreterNeed = typeof INTERPRETER_NEEDS[number]
export const INTERPRETER_LABELS: Record<InterpreterNeed, string> = { none: '不需要', interpreter: '需要翻译（外语或少数民族语言）', sign_language: '需要手语' }

export const CALL_LINK_KINDS = ['screening', 'application', 'booking'] as const
export type CallLinkKind = typeof CALL_LINK_KINDS[number]
export const CALL_LINK_LABELS: Record<CallLinkKind, string> = { screening: '法律援助初筛', application: '法律援助申请', booking: '预约' }

export const SUMMARY_MAX = 2000
export const SUMMARY_ID_MESSAGE = '摘要中不能填写身份证号，请删除后再保存'

export const hotlinePhoneField = z.string({ error: '请填写来电号码' }).max(30, PHONE_MESSAGE)
  .transform(canonicalPhone)
  .refine(v => phoneKind(v) !== undefined, PHONE_MESSAGE)

export const summaryField = z.string({ error: '请填写来电摘要' }).trim()
  .min(1, '请填写来电摘要')
  .max(SUMMARY_MAX, `摘要不能超过 ${SUMMARY_MAX} 个字`)
  .refine(v => !findPii(v).some(f => f.kind === 'id_number'), SUMMARY_ID_MESSAGE)

export const outcomeCodeField = z.string({ error: '请选择处理结果' }).trim().regex(OUTCOME_CODE_PATTERN, '请选择处理结果')

const callerGroupsField = z.array(z.enum(PRIORITY_GROUP_CODES, { error: '人群类别不正确' })).max(PRIORITY_GROUP_CODES.length).default([])
  .transform(v => [...new Set(v)])

/** Flags the operator sets during the call (all optional; the defaults are the safe reading of silence). */
export const callFlagsShape = {
  urgent: z.boolean({ error: '“紧急”只能是是或否' }).default(false),
  /** false: calling back could put the caller at risk; callbacks only inside the windows they chose. */
  safeToCallBack: z.boolean({ error: '“可以回拨”只能是是或否' }).default(true),
  discreet: z.boolean({ error: '“回拨时不表明身份”只能是是或否' }).default(false),
  interpreter: z.enum(INTERPRETER_NEEDS, { error: '请选择是否需要翻译或手语' }).default('none'),
  elderlyOrDisabled: z.boolean({ error: '“老年人或残疾人来电”只能是是或否' }).default(false),
  toldOfLegalAidRight: z.boolean({ error: '“已告知申请法律援助的权利”只能是是或否' }).default(false),
}

export const logCallBody = z.strictObject({
  topic: z.enum(CASE_CATEGORIES, { error: '请选择咨询类别' }),
  summary: summaryField,
  callerGroups: callerGroupsField,
  outcome: outcomeCodeField,
  ...callFlagsShape,
  /** Optional: anonymous callers are welcome. Required for a callback. */
  callerPhone: hotlinePhoneField.optional(),
  servicePointId: z.uuid('请选择服务点').optional(),
  callbackWindowId: z.uuid('请选择回拨时段').optional(),
})
export type LogCallBody = z.infer<typeof logCallBody>

/**
 * The call form's fields as a plain HTML form sends them (no JavaScript), ready for logCallBody:
 * a checkbox is present or absent, empty optional fields are left out, and a window or service point
 * counts only with the outcome that asks for it (both selects are on the page without JavaScript).
 */
export function logCallFormValues(f: Record<string, string[] | undefined>): Record<string, unknown> {
  const one = (k: string) => f[k]?.[0]?.trim() || undefined
  const on = (k: string) => f[k] !== undefined
  const outcome = one('outcome')
  return {
    topic: one('topic'), summary: f.summary?.[0] ?? '', callerGroups: f.callerGroups ?? [], outcome,
    callerPhone: one('callerPhone'),
    callbackWindowId: outcome === 'callback_booked' ? one('callbackWindowId') : undefined,
    servicePointId: outcome === 'referred_service_point' ? one('servicePointId') : undefined,
    urgent: on('urgent'), safeToCallBack: !on('unsafeCallback'), discreet: on('discreet'), interpreter: one('interpreter') ?? 'none',
    elderlyOrDisabled: on('elderlyOrDisabled'), toldOfLegalAidRight: on('toldOfLegalAidRight'),
  }
}
export type LogCallInput = z.input<typeof logCallBody>

export const hotlineIdParams = z.object({ id: z.uuid('编号格式不正确') })

export const listCallsQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
})

export const callbackQueueQuery = z.object({
  /** Empty (a cleared date field) means today. */
  date: z.preprocess(v => (v === '' ? undefined : v), calendarDate().optional()),
})

export const revealCallbackBody = z.strictObject({
  purpose: z.string({ error: '请说明查看完整号码的用途' }).trim().min(4, '请说明查看完整号码的用途（至少 4 个字）').max(200, '用途不能超过 200 个字'),
})

export const ATTEMPT_RESULTS = ['no_answer', 'busy', 'wrong_number', 'not_safe_to_talk', 'completed'] as const
/** One try at a callback (at most three; the third failed one closes it). */
export const callbackAttemptBody = z.strictObject({
  result: z.enum(ATTEMPT_RESULTS, { error: '请选择这次回拨的结果' }),
})
export type CallbackAttemptBody = z.infer<typeof callbackAttemptBody>

export const reassignCallbackBody = z.strictObject({
  operatorId: z.uuid('请选择坐席'),
})

/**
 * Book for the caller from the call record (walk-in, online or callback): only the slot and an
 * optional name; the phone and topic come from the call on the server (nothing retyped).
 */
export const bookForCallBody = z.strictObject({
  slotId: z.uuid('请选择预约时段'),
  name: z.string().trim().max(50, '称呼不能超过 50 个字').regex(/^[\p{Script=Han}A-Za-z·•.\s]*$/u, '称呼只能包含汉字、字母和间隔号“·”').optional(),
})
export type BookForCallBody = z.infer<typeof bookForCallBody>

export const bookCallbackBody = z.strictObject({
  callbackWindowId: z.uuid('请选择回拨时段'),
})

/** An edit of a logged call: the whole editable record plus the version the operator saw. */
export const updateCallBody = z.strictObject({
  version: z.number({ error: '缺少版本号，请刷新后重试' }).int().min(1, '版本号不正确'),
  topic: z.enum(CASE_CATEGORIES, { error: '请选择咨询类别' }),
  summary: summaryField,
  callerGroups: callerGroupsField,
  outcome: outcomeCodeField,
  servicePointId: z.uuid('请选择服务点').optional(),
  ...callFlagsShape,
})
export type UpdateCallBody = z.infer<typeof updateCallBody>

export const callLinkBody = z.strictObject({
  kind: z.enum(CALL_LINK_KINDS, { error: '请选择关联的类型' }),
  // codes are read out over the phone and typed in either case: stored as printed (upper case)
  reference: z.string({ error: '请填写编号' }).trim().min(1, '请填写编号').max(80, '编号不能超过 80 个字符')
    .regex(/^[A-Za-z0-9:_.-]+$/, '编号只能包含字母、数字和 - _ . :').toUpperCase(),
})
export type CallLinkBody = z.infer<typeof callLinkBody>

export const PURPOSE_MESSAGE = '请说明查询用途（至少 4 个字）'
export const callerLookupBody = z.strictObject({
  phone: hotlinePhoneField,
  purpose: z.string({ error: PURPOSE_MESSAGE }).trim().min(4, PURPOSE_MESSAGE).max(200, '用途不能超过 200 个字'),
})
export type CallerLookupBody = z.infer<typeof callerLookupBody>

/** Up to a year of calls per export, in Asia/Shanghai calendar days (both inclusive). */
export const MAX_RANGE_DAYS = 366
export const dayRangeQuery = z.object({
  from: z.iso.date('开始日期格式应为 YYYY-MM-DD'),
  to: z.iso.date('结束日期格式应为 YYYY-MM-DD'),
}).refine(q => q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] })
  .refine(q => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_RANGE_DAYS, { message: `一次最多查询 ${MAX_RANGE_DAYS} 天`, path: ['to'] })
export type DayRangeQuery = z.infer<typeof dayRangeQuery>

export const outcomeCodeBody = z.strictObject({
  code: z.string({ error: '请填写代码' }).trim().regex(OUTCOME_CODE_PATTERN, '代码为 2-40 位小写字母、数字或下划线，以字母开头'),
  label: z.string({ error: '请填写名称' }).trim().min(1, '请填写名称').max(40, '名称不能超过 40 个字'),
  needsFollowUp: z.boolean({ error: '“需要跟进”只能是是或否' }),
  closesCall: z.boolean({ error: '“结束来电”只能是是或否' }),
  active: z.boolean({ error: '“启用”只能是是或否' }).default(true),
  position: z.number({ error: '排序应为数字' }).int().min(0).max(1000).default(100),
}).refine(b => !(b.needsFollowUp && b.closesCall), { message: '需要跟进的结果不能同时结束来电', path: ['closesCall'] })
export type OutcomeCodeBody = z.infer<typeof outcomeCodeBody>
/**
 * The outcome-code form posted without JavaScript (server/routes/staff/admin/hotline-outcomes.post.ts)
 * → the input `outcomeCodeBody` checks: a checkbox sent is ticked, an empty 排序 takes the default.
 */
export function outcomeCodeFormBody(get: (name: string) => string | undefined) {
  const position = (get('position') ?? '').trim()
  return {
    code: get('code') ?? '', label: get('label') ?? '', needsFollowUp: get('needsFollowUp') !== undefined,
    closesCall: get('closesCall') !== undefined, active: get('active') !== undefined, ...(position ? { position: Number(position) } : {}),
  }
}

// ---- from the call: screening and application on the caller's behalf (issue 10) ----

/** The screening the operator runs during the call: the public questionnaire's own input schema. */
export const screenForCallBody = screeningInput
export type ScreenForCallBody = ScreeningInput

export const SCREENING_REFERENCE_PATTERN = /^SC-\d{4}-[2-9A-HJ-NP-Z]{6}$/

const applicant = applyBody.shape.applicant.shape
/**
 * What the operator adds to start the application from the call: name, ID number and address,
 * asked once; the account of the matter (prefilled with the call's summary) and the caller's
 * consents as said on the phone. The phone and the screening answers come from the call record on
 * the server (never retyped, never sent by the browser); the whole is then checked by `applyBody`.
 */
export const applyFromCallBody = z.strictObject({
  screeningReference: z.string({ error: '初筛编号格式不正确' }).trim().regex(SCREENING_REFERENCE_PATTERN, '初筛编号格式不正确').optional(),
  name: applicant.name,
  idNumber: applicant.idNumber,
  address: applicant.address,
  matterSummary: applyBody.shape.matterSummary,
  consentProcessing: z.literal(true, { error: '请向来电人说明个人信息处理规则，并确认其已同意' }),
  consentSensitive: z.boolean({ error: '请选择来电人是否同意处理敏感个人信息' }).default(false),
})
export type ApplyFromCallBody = z.infer<typeof applyFromCallBody>
