/**
 * 法律援助申请 inputs: one schema for the application form, the status page, the review console
 * and the routes. Only what the decision needs. Chinese messages, never echoing input.
 */
import { ageOn, checkIdNumber, idNumberMessages } from '../domain/applications/id-number'
import { shanghaiDay } from '../time/calendar'
import { canonicalPhone, PHONE_MESSAGE, phoneKind } from '../domain/applications/phone'
import { sensitiveKindLabels, sensitiveKindsIn } from '../domain/applications/sensitive'
import { screeningInput } from './eligibility'
import { agentRelationCodes, MATTER_SUMMARY_MAX } from '../domain/applications/form-input'
import { z } from './zod'

export { agentRelationCodes, agentRelationLabels, MATTER_SUMMARY_MAX, type AgentRelationCode } from '../domain/applications/form-input'

/**
 * Under this age the portal processes the applicant's personal information only with a parent's or
 * other guardian's consent (个人信息保护法第三十一条 — not 法律援助法第四十条), so a guardian
 * (法定代理人) applies for them. Exception (法律援助法第四十条第一款): where the 法定代理人 infringes the
 * child's rights, another 法定代理人 or a 近亲属 may apply, at any age; the centre then processes the
 * data because its statutory duty requires it (个人信息保护法第十三条第一款第（三）项), without the
 * infringing guardian's consent.
 */
export const GUARDIAN_REQUIRED_UNDER_AGE = 14

/** The statutory basis on which an application's personal information is processed. */
export type ProcessingBasis = 'consent' | 'statutory_duty'

/** 法律援助法第四十条第一款: the applying relative says the 法定代理人 infringes the applicant's rights. */
export function representativeInfringes(body: { agent?: { representativeInfringes?: boolean | undefined } | undefined }): boolean {
  return body.agent?.representativeInfringes === true
}

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
    /** 法律援助法第四十条第一款: the applicant's 法定代理人 infringes their rights (e.g. domestic violence by a parent). */
    representativeInfringes: z.boolean({ error: '请说明法定代理人是否侵犯了申请人的合法权益' }).optional(),
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
    const id = checkIdNumber(body.applicant.idNumber)
    const under14 = id.ok && ageOn(id.birthDate!, shanghaiDay(new Date())) < GUARDIAN_REQUIRED_UNDER_AGE
    // 个人信息保护法第十三条第二款: with 第一款第（三）项 (statutory duty) no consent is needed — the case
    // of a child whose guardian is the one infringing their rights (法律援助法第四十条第一款).
    const statutoryDuty = under14 && representativeInfringes(body)
    if (kinds.length > 0 && body.consent.sensitive !== true && !statutoryDuty) {
      ctx.addIssue({
        code: 'custom',
        path: ['consent', 'sensitive'],
        message: `您的回答包含敏感个人信息（${kinds.map(k => sensitiveKindLabels[k]).join('、')}），需要您单独同意后才能提交；也可以删去这些回答，由工作人员当面核实`,
      })
    }
    if (under14 && body.agent?.relation !== 'legal_representative' && !statutoryDuty) {
      ctx.addIssue({
        code: 'custom',
        path: ['agent'],
        message: `申请人不满 ${GUARDIAN_REQUIRED_UNDER_AGE} 周岁，处理其个人信息需要父母或其他监护人同意（个人信息保护法第三十一条），请由监护人（法定代理人）代为申请；` +
          '如果正是法定代理人侵犯了孩子的合法权益，其他法定代理人或者近亲属可以代为申请（法律援助法第四十条第一款），请在代为申请人信息中说明',
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

/**
 * Decisions are deliberate (issue 14): nothing is preselected — `decision` is required and has no
 * default; the reviewer confirms a summary naming the applicant's reference, and the request carries
 * that reference back (`confirmReference`, checked against the application by the service); a
 * refusal carries written reasons (法律援助法第四十三条第一款: 书面告知…并说明理由).
 */
const confirmReference = referenceField
const decisionChoice = z.enum(['grant', 'refuse'], { error: '请选择给予或不予法律援助' })
export const decideBody = z.strictObject({
  version,
  decision: decisionChoice,
  reasons: z.string({ error: '不予法律援助的理由格式不正确' }).trim().max(2000, '不予法律援助的理由不能超过 2000 个字').optional(),
  confirmReference,
}, { error: (i) => i.code === 'unrecognized_keys' ? '决定包含不支持的字段' : '请选择给予或不予法律援助，并确认受理编号' })
  .superRefine((b, ctx) => {
    if (b.decision === 'refuse' && (b.reasons ?? '').length < 10) {
      ctx.addIssue({ code: 'custom', path: ['reasons'], message: '不予法律援助应当书面说明理由（至少 10 个字），申请人会看到这些理由' })
    }
  })
export type DecideBody = z.output<typeof decideBody>

/** 第四十四条: aid before the decision — the ground and the lawyer who starts at once. */
export const provisionalBody = z.strictObject({
  version,
  ground: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: '请选择第四十四条第一款规定的情形' }),
  lawyer: z.string({ error: '请填写承办人员姓名' }).trim().min(1, '请填写承办人员姓名').max(50, '姓名不能超过 50 个字'),
  firm: z.string({ error: '请填写承办机构' }).trim().min(2, '请填写承办机构（律师事务所或法律援助中心）').max(100, '承办机构不能超过 100 个字'),
  confirmReference,
})
export type ProvisionalBody = z.output<typeof provisionalBody>

/** 第四十八条: termination on a statutory ground, with written reasons (objectionable under 第四十九条). */
export const terminateBody = z.strictObject({
  version,
  ground: z.number({ error: '请选择第四十八条第一款规定的终止情形' }).int().min(1, '请选择第四十八条第一款规定的终止情形').max(8, '请选择第四十八条第一款规定的终止情形'),
  reasons: reasons('终止法律援助的理由'),
  confirmReference,
})
export type TerminateBody = z.output<typeof terminateBody>

export const assignBody = z.strictObject({
  version,
  lawyer: z.string({ error: '请填写承办人员姓名' }).trim().min(1, '请填写承办人员姓名').max(50, '姓名不能超过 50 个字'),
  firm: z.string({ error: '请填写承办机构' }).trim().min(2, '请填写承办机构（律师事务所或法律援助中心）').max(100, '承办机构不能超过 100 个字'),
})

/** 第四十九条第二款: the 司法行政部门 maintains the decision or orders the centre to correct it. */
export const objectionDecisionBody = z.strictObject({
  version,
  decision: z.enum(['maintain', 'correct'], { error: '请选择维持或责令改正' }),
  reasons: reasons('审查意见'),
  confirmReference,
})
export type ObjectionDecisionBody = z.output<typeof objectionDecisionBody>

export const revealFields = ['idNumber', 'phone', 'agentPhone'] as const
export type RevealField = (typeof revealFields)[number]
export const revealBody = z.strictObject({
  field: z.enum(revealFields, { error: '不支持查看该项' }),
  purpose: z.string({ error: '请说明查看完整信息的用途' }).trim().min(4, '请说明查看完整信息的用途（至少 4 个字）').max(200, '用途不能超过 200 个字'),
})

export const reviewQueueQuery = z.object({
  scope: z.enum(['open', 'all'], { error: '范围只能是 open 或 all' }).default('open'),
})
