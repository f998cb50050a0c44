// zod inputs of public appointments (预约法律咨询): one schema for the form and the routes.
import { calendarDate, z } from './zod'
import { CASE_CATEGORIES } from '../domain/cases/taxonomy'
import { findPii } from '../domain/cases/pii'
import { canonicalPhone, PHONE_MESSAGE, phoneKind } from '../domain/applications/phone'
import { APPOINTMENT_CHANNEL_CODES, NOTE_MAX } from '../domain/appointments/form-input'

export {
  APPOINTMENT_CHANNEL_CODES, APPOINTMENT_CHANNEL_LABELS, APPOINTMENT_STATUS_LABELS, NOTE_MAX, SERVICE_POINT_LEVEL_CODES, SERVICE_POINT_LEVEL_LABELS,
  type AppointmentChannelCode, type AppointmentStatusCode,
} from '../domain/appointments/form-input'


export const NOTE_ID_MESSAGE = '补充说明中不能填写身份证号，请删除后再提交'

/** 预约编号 YY-<year>-<6 characters without 0/O/1/I>, e.g. YY-2026-7KQ2M9. */
export const APPOINTMENT_REFERENCE_PATTERN = /^YY-\d{4}-[2-9A-HJ-NP-Z]{6}$/

const nameField = z.string({ error: '请填写姓名' }).trim()
  .min(1, '请填写姓名').max(50, '姓名不能超过 50 个字')
  .regex(/^[\p{Script=Han}A-Za-z·•.\s]+$/u, '姓名只能包含汉字、字母和间隔号“·”')

export const appointmentPhoneField = z.string({ error: '请填写手机号或固定电话' }).max(30, PHONE_MESSAGE)
  .transform(canonicalPhone)
  .refine(v => phoneKind(v) !== undefined, PHONE_MESSAGE)

/** NUL and other control characters (PostgreSQL refuses NUL in text): refused with a message. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

export const noteField = z.string().trim()
  .max(NOTE_MAX, `补充说明不能超过 ${NOTE_MAX} 个字`)
  .refine(v => !CONTROL_CHARS.test(v), '补充说明中有无法识别的字符，请删除后再提交')
  .refine(v => !findPii(v).some(f => f.kind === 'id_number'), NOTE_ID_MESSAGE)
  .transform(v => v === '' ? undefined : v)

export const bookAppointmentBody = z.strictObject({
  slotId: z.uuid('请选择预约时间'),
  name: nameField,
  phone: appointmentPhoneField,
  topic: z.enum(CASE_CATEGORIES, { error: '请选择咨询的事项' }),
  note: noteField.optional(),
}, { error: i => i.code === 'unrecognized_keys' ? '预约信息包含不支持的字段' : '预约信息格式不正确' })
export type BookAppointmentBody = z.output<typeof bookAppointmentBody>
export type BookAppointmentInput = z.input<typeof bookAppointmentBody>

export const appointmentReferenceField = z.string({ error: '请填写预约编号' }).trim().toUpperCase()
  .regex(APPOINTMENT_REFERENCE_PATTERN, '预约编号格式应为 YY-年份-六位字母数字，如 YY-2026-7KQ2M9')

/** The person proves the booking is theirs with the reference and the phone given when booking. */
export const appointmentProofBody = z.strictObject({
  reference: appointmentReferenceField,
  phone: appointmentPhoneField,
})
export type AppointmentProofBody = z.output<typeof appointmentProofBody>

const optionalDay = (label: string) => z.preprocess(v => (v === '' ? undefined : v), z.iso.date(`${label}格式应为 YYYY-MM-DD`).optional())

export const listSlotsQuery = z.object({
  channel: z.enum(APPOINTMENT_CHANNEL_CODES, { error: '请选择咨询方式' }),
  servicePointId: z.preprocess(v => (v === '' ? undefined : v), z.uuid('服务点编号格式不正确').optional()),
  from: optionalDay('开始日期'),
  to: optionalDay('结束日期'),
}).superRefine((q, ctx) => {
  if (q.channel === 'walk_in' && !q.servicePointId) ctx.addIssue({ code: 'custom', path: ['servicePointId'], message: '请选择服务点' })
  if (q.from && q.to && q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' })
})

/** The private manage link's token (base64url, 32 characters). */
export const manageTokenParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{32}$/, '链接无效，请核对短信或确认页上的链接'),
})

export const rescheduleBody = z.strictObject({
  slotId: z.uuid('请选择新的预约时间'),
})

export const cancelBookingBody = z.strictObject({
  /** The confirmation step: the form's "确认取消" button sends it. */
  confirm: z.union([z.literal(true), z.literal('yes'), z.literal('on')], { error: '请确认取消' }),
})

export const joinWaitlistBody = z.strictObject({
  channel: z.enum(APPOINTMENT_CHANNEL_CODES, { error: '请选择咨询方式' }),
  servicePointId: z.preprocess(v => (v === '' ? undefined : v), z.uuid('服务点编号格式不正确').optional()),
  day: z.iso.date('日期格式应为 YYYY-MM-DD'),
  name: nameField,
  phone: appointmentPhoneField,
  topic: z.enum(CASE_CATEGORIES, { error: '请选择咨询的事项' }),
})
export type JoinWaitlistBody = z.output<typeof joinWaitlistBody>

export const RATING_COMMENT_MAX = 500
export const rateBody = z.strictObject({
  score: z.coerce.number({ error: '请选择 1 到 5 分' }).int('请选择 1 到 5 分').min(1, '请选择 1 到 5 分').max(5, '请选择 1 到 5 分'),
  comment: z.string().trim().max(RATING_COMMENT_MAX, `意见不能超过 ${RATING_COMMENT_MAX} 个字`)
    .refine(v => !CONTROL_CHARS.test(v), '意见中有无法识别的字符')
    .refine(v => !findPii(v).some(f => f.kind === 'id_number'), '意见中不能填写身份证号')
    .transform(v => v === '' ? undefined : v).optional(),
})
export type RateBody = z.output<typeof rateBody>

/** Staff: book on a caller's or visitor's behalf (same rules as the public form). */
export const staffBookBody = bookAppointmentBody

export const staffDayQuery = z.object({
  date: optionalDay('日期'),
  channel: z.preprocess(v => (v === '' ? undefined : v), z.enum(APPOINTMENT_CHANNEL_CODES, { error: '咨询方式不正确' }).optional()),
  servicePointId: z.preprocess(v => (v === '' ? undefined : v), z.uuid('服务点编号格式不正确').optional()),
})

export const REVEAL_PURPOSE_MESSAGE = '请说明查看完整姓名和电话的用途（至少 4 个字）'
/** Staff: why the full name and phone of a booking are needed (kept in the audit row). */
export const staffRevealBody = z.strictObject({
  purpose: z.string({ error: REVEAL_PURPOSE_MESSAGE }).trim().min(4, REVEAL_PURPOSE_MESSAGE).max(200, '用途不能超过 200 个字')
    .refine(v => !CONTROL_CHARS.test(v), '用途中有无法识别的字符'),
})

export const STAFF_OUTCOMES = ['checked_in', 'completed', 'no_show'] as const
export const staffOutcomeBody = z.strictObject({
  status: z.enum(STAFF_OUTCOMES, { error: '请选择签到、办结或未到场' }),
})
export type StaffOutcome = typeof STAFF_OUTCOMES[number]

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm，如 09:00')

export const scheduleRuleBody = z.strictObject({
  servicePointId: z.preprocess(v => (v === '' ? null : v), z.uuid('服务点编号格式不正确').nullable()),
  channel: z.enum(APPOINTMENT_CHANNEL_CODES, { error: '请选择咨询方式' }),
  weekdays: z.array(z.coerce.number().int().min(1).max(7), { error: '请选择星期' }).min(1, '请至少选择一天').max(7).transform(v => [...new Set(v)].sort()),
  startTime: HHMM,
  endTime: HHMM,
  slotMinutes: z.coerce.number().int().min(5, '每个时段至少 5 分钟').max(480, '每个时段最多 8 小时'),
  capacity: z.coerce.number().int().min(1, '名额至少 1 个').max(500, '名额最多 500 个'),
  validFrom: z.preprocess(v => (v === '' ? null : v), z.iso.date().nullable()).default(null),
  validTo: z.preprocess(v => (v === '' ? null : v), z.iso.date().nullable()).default(null),
}).refine(r => r.endTime > r.startTime, { path: ['endTime'], message: '结束时间应晚于开始时间' })
  .refine(r => r.channel !== 'walk_in' || r.servicePointId, { path: ['servicePointId'], message: '到窗口咨询需要选择服务点' })
export type ScheduleRuleBody = z.output<typeof scheduleRuleBody>

export const closureBody = z.strictObject({
  servicePointId: z.preprocess(v => (v === '' ? null : v), z.uuid('服务点编号格式不正确').nullable()),
  channel: z.preprocess(v => (v === '' ? null : v), z.enum(APPOINTMENT_CHANNEL_CODES).nullable()),
  day: z.iso.date('日期格式应为 YYYY-MM-DD'),
  reason: z.string().trim().min(1, '请填写停开原因').max(200, '原因不能超过 200 个字'),
})
export type ClosureBody = z.output<typeof closureBody>

export const extraSessionBody = z.strictObject({
  servicePointId: z.preprocess(v => (v === '' ? null : v), z.uuid('服务点编号格式不正确').nullable()),
  channel: z.enum(APPOINTMENT_CHANNEL_CODES, { error: '请选择咨询方式' }),
  day: z.iso.date('日期格式应为 YYYY-MM-DD'),
  startTime: HHMM,
  endTime: HHMM,
  slotMinutes: z.coerce.number().int().min(5).max(480),
  capacity: z.coerce.number().int().min(1).max(500),
  note: z.string().trim().max(200).optional(),
}).refine(r => r.endTime > r.startTime, { path: ['endTime'], message: '结束时间应晚于开始时间' })
  .refine(r => r.channel !== 'walk_in' || r.servicePointId, { path: ['servicePointId'], message: '到窗口咨询需要选择服务点' })
export type ExtraSessionBody = z.output<typeof extraSessionBody>

export const idParams = z.object({ id: z.uuid('编号格式不正确') })

/** Idempotency-Key header: 8-200 visible ASCII characters (a UUID is typical). */
export const idempotencyKeyHeader = z.string().regex(/^[\x21-\x7e]{8,200}$/, 'Idempotency-Key 应为 8-200 个可见 ASCII 字符').optional()
export type ListSlotsQuery = z.output<typeof listSlotsQuery>

export const staffAppointmentsQuery = z.object({
  /** Empty (a cleared date field) means today. */
  date: z.preprocess(v => (v === '' ? undefined : v), calendarDate().optional()),
})

export const alternativesQuery = z.object({
  channel: z.enum(APPOINTMENT_CHANNEL_CODES, { error: '请选择咨询方式' }),
  servicePointId: z.preprocess(v => (v === '' ? undefined : v), z.uuid('服务点编号格式不正确').optional()),
  day: z.iso.date('日期格式应为 YYYY-MM-DD'),
})

export const staffDayViewQuery = z.object({
  date: optionalDay('日期'),
  channel: z.enum(APPOINTMENT_CHANNEL_CODES, { error: '请选择咨询方式' }),
  servicePointId: z.preprocess(v => (v === '' ? undefined : v), z.uuid('服务点编号格式不正确').optional()),
}).superRefine((q, ctx) => {
  if (q.channel === 'walk_in' && !q.servicePointId) ctx.addIssue({ code: 'custom', path: ['servicePointId'], message: '请选择服务点' })
})

export const satisfactionQuery = z.object({
  from: z.iso.date('开始日期格式应为 YYYY-MM-DD'),
  to: z.iso.date('结束日期格式应为 YYYY-MM-DD'),
  channel: z.preprocess(v => (v === '' ? undefined : v), z.enum(APPOINTMENT_CHANNEL_CODES).optional()),
})

export const schedulesQuery = z.object({
  servicePointId: z.preprocess(v => (v === '' ? undefined : v), z.uuid('服务点编号格式不正确').optional()),
})


// The service-point finder's query schema is in ./service-points.ts (only the route imports it).
