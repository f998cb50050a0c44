// zod inputs of public appointments (预约法律咨询): one schema for the form and the routes.
import { calendarDate, z } from './zod'
import { CASE_CATEGORIES } from '../domain/cases/taxonomy'
import { findPii } from '../domain/cases/pii'
import { canonicalPhone, PHONE_MESSAGE, phoneKind } from '../domain/applications/phone'

export const APPOINTMENT_CHANNEL_CODES = ['walk_in', 'online'] as const
export type AppointmentChannelCode = typeof APPOINTMENT_CHANNEL_CODES[number]
export const APPOINTMENT_CHANNEL_LABELS: Record<AppointmentChannelCode, string> = {
  walk_in: '到窗口当面咨询',
  online: '网上/电话咨询',
}
export const APPOINTMENT_STATUS_LABELS = {
  booked: '已预约',
  cancelled: '已取消',
  attended: '已到场咨询',
  no_show: '未到场',
} as const

export const NOTE_MAX = 500
export const NOTE_ID_MESSAGE = '补充说明中不能填写身份证号，请删除后再提交'

/** 预约编号 YY-<year>-<6 characters without 0/O/1/I>, e.g. YY-2026-7KQ2M9. */
export const APPOINTMENT_REFERENCE_PATTERN = /^YY-\d{4}-[2-9A-HJ-NP-Z]{6}$/

const nameField = z.string({ error: '请填写姓名' }).trim()
  .min(1, '请填写姓名').max(50, '姓名不能超过 50 个字')
  .regex(/^[\p{Script=Han}A-Za-z·•.\s]+$/u, '姓名只能包含汉字、字母和间隔号“·”')

export const appointmentPhoneField = z.string({ error: '请填写手机号或固定电话' }).max(30, PHONE_MESSAGE)
  .transform(canonicalPhone)
  .refine(v => phoneKind(v) !== undefined, PHONE_MESSAGE)

export const noteField = z.string().trim()
  .max(NOTE_MAX, `补充说明不能超过 ${NOTE_MAX} 个字`)
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

export const listSlotsQuery = z.object({
  channel: z.enum(APPOINTMENT_CHANNEL_CODES, { error: '请选择咨询方式' }),
  servicePointId: z.preprocess(v => (v === '' ? undefined : v), z.uuid('服务点编号格式不正确').optional()),
}).superRefine((q, ctx) => {
  if (q.channel === 'walk_in' && !q.servicePointId) ctx.addIssue({ code: 'custom', path: ['servicePointId'], message: '请选择服务点' })
})
export type ListSlotsQuery = z.output<typeof listSlotsQuery>

export const staffAppointmentsQuery = z.object({
  /** Empty (a cleared date field) means today. */
  date: z.preprocess(v => (v === '' ? undefined : v), calendarDate().optional()),
})
