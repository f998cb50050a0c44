// An admin edits a service point's details (issue 9): one schema for the staff console's form and
// the routes (PUT /api/staff/admin/service-points/:id and the no-JS POST /staff/admin/service-points/:id).
// Public values: a point's own phone and address, not personal data.
import { safeString, z } from './zod'
import { canonicalPhone, phoneKind } from '../domain/applications/phone'
import { openingHoursProblem } from '../domain/appointments/service-point-details'

export const SERVICE_POINT_PHONE_MESSAGE = '请填写网点电话：带区号的固定电话（如 0951-1234567）、手机号，或 12348 这样的 5 位服务号码'
export const ADDRESS_MAX = 120
export const ACCESSIBILITY_MAX = 300

/** Shown as typed (fullwidth digits and dashes made halfwidth), checked as a mainland number or a 5-digit service number. */
const pointPhoneField = safeString({ error: SERVICE_POINT_PHONE_MESSAGE }).max(40, SERVICE_POINT_PHONE_MESSAGE)
  .transform(v => v.replace(/[\uFF10-\uFF19]/g, ch => String.fromCharCode(ch.charCodeAt(0) - 0xFEE0)).replace(/[－—–]/g, '-').replace(/\s+/g, ' ').trim())
  .refine(v => /^[\d\s\-()（）+]+$/.test(v) && (phoneKind(canonicalPhone(v)) !== undefined || /^1\d{4}$/.test(canonicalPhone(v))), SERVICE_POINT_PHONE_MESSAGE)

/** A checkbox: "on" (a plain form post), true/"true" (JSON) or absent (unchecked). */
const checkbox = z.preprocess(v => v === true || v === 'on' || v === 'true', z.boolean())

export const updateServicePointBody = z.object({
  address: safeString({ error: '请填写地址' }).trim().min(1, '请填写地址').max(ADDRESS_MAX, `地址不能超过 ${ADDRESS_MAX} 个字`),
  phone: pointPhoneField,
  openingHours: safeString({ error: '请填写开放时间' }).max(600, '开放时间太长')
    .superRefine((v, ctx) => {
      const problem = openingHoursProblem(v)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    }),
  accessibility: safeString().trim().max(ACCESSIBILITY_MAX, `无障碍说明不能超过 ${ACCESSIBILITY_MAX} 个字`).default(''),
  active: checkbox,
})
export type UpdateServicePointBody = z.output<typeof updateServicePointBody>
export type UpdateServicePointInput = z.input<typeof updateServicePointBody>

export const servicePointIdParams = z.object({ id: z.uuid('服务点编号格式不正确') })
