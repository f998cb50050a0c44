/**
 * 法律援助申请 inputs: one schema for the application form, the status page, the review console
 * and the routes. Only what the decision needs. Chinese messages, never echoing input.
 */
import { ageOn, checkIdNumber, idNumberMessages } from '../domain/applications/id-number'
import { shanghaiDay } from '../time/calendar'
import { canonicalPhone, PHONE_MESSAGE, phoneKind } from '../domain/applications/phone'
import { sensitiveKindLabels, sensitiveKindsIn } from '../domain/applications/sensitive'
import { screeningInput } from './eligibility'
import { z } from './zod'

/** Under this age an applicant applies through a guardian (法定代理人, 法律援助法第四十条). */
export const GUARDIAN_REQUIRED_UNDER_AGE = 14
export const MATTER_SUMMARY_MAX = 1000

const personName = (what: string) => z.string({ error: `请填写${what}` }).trim()
  .min(1, `请填写${what}`).max(50, `${what}不能超过 50 个字`)
  .regex(/^[\p{Script=Han}A-Za-z·•.\s]+$/u, `${what}只能包含汉字、字母和间隔号“·”`)

export const idNumberField = z.string({ error: idNumberMessages.not_string }).trim().superRefine((v, ctx) => {
  const r = checkIdNumber(v)
  if (!r.ok) ctx.addIssue({ code: 'custom', message: idNumberMessages[r.problem!] })
})

export const phoneField = z.string({ error: '请填写联系电话' }).max(30, PHONE_MESSAGE)
  .transform(canonicalPhone)
  .refine(v => phoneKind(v) !== undefined, PHONE_MESSAGE)

export const agentRelationCodes = ['legal_representative', 'close_relative'] as const
export type AgentRelationCode = (typeof agentRelationCodes)[number]
export const agentRelationLabels: Record<AgentRelationCode, string> = {
  legal_representative: '法定代理人（监护人）',
  close_relative: '近亲属',
}

export const applyBody = z.strictObject({
  applicant: z.strictObject({
    name: personName('申请人姓名'),
    idNumber: idNumberField,
    phone: phoneField,
    address: z.string({ error: '请填写住址' }).trim().min(2, '请填写住址').max(200, '住址不能超过 200 个字'),
  }, { error: '申请人信息格式不正确' }),
  /** 申请事项：几句话说明发生了什么、想要什么。 */
  matterSummary: z.string({ error: '请简要说明您的事情' }).trim()
    .min(5, '请用几句话说明您的事情（至少 5 个字）').max(MATTER_SUMMARY_MAX, `事情经过不能超过 ${MATTER_SUMMARY_MAX} 个字`),
  /** The questionnaire's answers: re-screened on the server with the rules in force. */
  screening: screeningInput,
  /** 代为申请 (法律援助法第四十条). */
  agent: z.strictObject({
    relation: z.enum(agentRelationCodes, { error: '请选择代为申请人与申请人的关系' }),
    name: personName('代为申请人姓名'),
    phone: phoneField,
  }, { error: '代为申请人信息格式不正确' }).optional(),
  consent: z.strictObject({
    /** 同意为审查法律援助申请处理上述个人信息。 */
    processing: z.literal(true, { error: '请阅读并同意个人信息处理说明' }),
    /** 单独同意处理敏感个人信息 (个人信息保护法第二十九条). */
    sensitive: z.boolean({ error: '请选择是否同意处理敏感个人信息' }),
  }, { error: '同意事项格式不正确' }),
}, { error: (i) => i.code === 'unrecognized_keys' ? '申请信息包含不支持的字段' : '申请信息格式不正确' })
  .superRefine((body, ctx) => {
    const kinds = sensitiveKindsIn(body.screening)
    if (kinds.length > 0 && body.consent.sensitive !== true) {
      ctx.addIssue({
        code: 'custom',
        path: ['consent', 'sensitive'],
        message: `您的回答包含敏感个人信息（${kinds.map(k => sensitiveKindLabels[k]).join('、')}），需要您单独同意后才能提交；也可以删去这些回答，由工作人员当面核实`,
      })
    }
    const id = checkIdNumber(body.applicant.idNumber)
    if (id.ok && ageOn(id.birthDate!, shanghaiDay(new Date())) < GUARDIAN_REQUIRED_UNDER_AGE && body.agent?.relation !== 'legal_representative') {
      ctx.addIssue({
        code: 'custom',
        path: ['agent'],
        message: `申请人不满 ${GUARDIAN_REQUIRED_UNDER_AGE} 周岁，须由监护人（法定代理人）代为申请，请填写监护人信息`,
      })
    }
  })
export type ApplyBody = z.output<typeof applyBody>
export type ApplyBodyRaw = z.input<typeof applyBody>

export const REFERENCE_PATTERN = /^YCFY-\d{4}-\d{6,}-[0-9A-Z]{5}$/
export const referenceField = z.string({ error: '请填写受理编号' }).trim().toUpperCase()
  .regex(REFERENCE_PATTERN, '受理编号格式应为 YCFY-年份-六位数字-五位校验码，如 YCFY-2026-000123-K7QD2')

/** Applicant actions prove who they are with the reference and the phone given on the application. */
const applicantProof = { reference: referenceField, phone: phoneField }

export const statusLookupBody = z.strictObject(applicantProof)
export type StatusLookupBody = z.output<typeof statusLookupBody>

export const supplyMaterialsBody = z.strictObject({
  ...applicantProof,
  note: z.string({ error: '请说明补充了哪些材料' }).trim().min(2, '请说明补充了哪些材料').max(1000, '说明不能超过 1000 个字'),
})

export const objectionBody = z.strictObject({
  ...applicantProof,
  reason: z.string({ error: '请写明异议理由' }).trim().min(10, '异议理由至少 10 个字').max(1000, '异议理由不能超过 1000 个字'),
})

// --- review (reviewer role) -------------------------------------------------------------------

const version = z.number({ error: '缺少版本号，请刷新页面' }).int().min(1)
const reasons = (what: string) => z.string({ error: `请填写${what}` }).trim().min(10, `${what}至少 10 个字`).max(2000, `${what}不能超过 2000 个字`)

export const applicationIdParams = z.object({ id: z.uuid('申请编号格式不正确') })

export const requestMaterialsBody = z.strictObject({
  version,
  items: z.array(z.string().trim().min(2, '每项材料至少 2 个字').max(200, '每项材料不能超过 200 个字'), { error: '请列出需要补充的材料' })
    .min(1, '请至少列出一项需要补充的材料').max(20, '一次最多列出 20 项'),
})

export const decideBody = z.discriminatedUnion('decision', [
  z.strictObject({ version, decision: z.literal('grant') }),
  z.strictObject({ version, decision: z.literal('refuse'), reasons: reasons('不予法律援助的理由') }),
], { error: '请选择给予或不予法律援助' })
export type DecideBody = z.output<typeof decideBody>

export const assignBody = z.strictObject({
  version,
  lawyer: z.string({ error: '请填写承办人员姓名' }).trim().min(1, '请填写承办人员姓名').max(50, '姓名不能超过 50 个字'),
  firm: z.string({ error: '请填写承办机构' }).trim().min(2, '请填写承办机构（律师事务所或法律援助中心）').max(100, '承办机构不能超过 100 个字'),
})

export const objectionDecisionBody = z.strictObject({
  version,
  decision: z.enum(['maintain', 'correct'], { error: '请选择维持或责令改正' }),
  reasons: reasons('审查意见'),
})

export const revealFields = ['idNumber', 'phone', 'agentPhone'] as const
export type RevealField = (typeof revealFields)[number]
export const revealBody = z.strictObject({
  field: z.enum(revealFields, { error: '不支持查看该项' }),
  purpose: z.string({ error: '请说明查看完整信息的用途' }).trim().min(4, '请说明查看完整信息的用途（至少 4 个字）').max(200, '用途不能超过 200 个字'),
})

export const reviewQueueQuery = z.object({
  scope: z.enum(['open', 'all'], { error: '范围只能是 open 或 all' }).default('open'),
})
