/**
 * The legal-aid application's server side, shared by the plain-HTML POST (/forms/apply) and the
 * page's GET (/api/legal-aid/apply-draft): one thing per page (who applies, the applicant, the
 * relative applying for them, the matter, consent), then "check your answers" with a change link
 * for every answer, then the application is sent and the confirmation shown. Works the same with
 * and without JavaScript: the page only shows what this module decides.
 *
 * The draft lives in the encrypted draft cookie (server/domain/http/form-state.ts) beside the
 * questionnaire's answers, never in a URL and never in the database before it is sent. Every step
 * is checked with the one schema of the route (shared/schemas/applications.ts `applyBody`).
 * Framework-free: the routes pass the state, the questionnaire's result and the submitted form.
 */
import { agentRelationCodes, agentRelationLabels, MATTER_SUMMARY_MAX, normalizeIdNumberInput, type AgentRelationCode } from '../../../shared/domain/applications/form-input'
import { sensitiveKindLabels, sensitiveKindPurposes, sensitiveKindsIn } from '../../../shared/domain/applications/sensitive'
import type { FieldError, FormValues } from '../../../shared/domain/eligibility/question-flow'
import { applyBody, type ApplyBody } from '../../../shared/schemas/applications'
import type { ScreeningInputRaw } from '../../../shared/schemas/eligibility'
import type { ApplyCheckRow, ApplyStepId, ApplyView } from '../../../shared/types/apply-form'
import type { ResultView } from '../../../shared/types/questionnaire-form'

export const APPLY_PATH = '/legal-aid/apply'

/** What the resident has entered so far (strings as typed, after the server's normalisation). */
export interface ApplicationDraft {
  forSomeone?: boolean
  name?: string
  idNumber?: string
  phone?: string
  address?: string
  agentRelation?: AgentRelationCode
  agentName?: string
  agentPhone?: string
  representativeInfringes?: boolean
  matterSummary?: string
  consentProcessing?: boolean
  consentSensitive?: boolean
}

/** A step sent back with errors: what was typed (shown again) and the messages. */
export interface ApplicationFlash { step: ApplyStepId, errors: FieldError[], values: Record<string, string>, formError?: string }

/** The confirmation, kept until the resident leaves or starts again (no personal data but the reference). */
export interface ApplicationDone { reference: string, receivedDate: string, decisionDue: string, urgent: boolean, county?: string }

export interface ApplicationState { a?: ApplicationDraft, aflash?: ApplicationFlash, adone?: ApplicationDone }

type QuestionStep = 'who' | 'applicant' | 'agent' | 'matter' | 'consent'

const TITLES: Record<QuestionStep | 'check', string> = {
  who: '谁需要法律援助？',
  applicant: '申请人的基本信息',
  agent: '代为申请人的信息',
  matter: '您的事情',
  consent: '个人信息处理的同意',
  check: '提交前请核对您的回答',
}

/** A form field: the schema's path, the form's name, the id of its control (error summary links). */
interface FieldSpec { path: string, name: string, target: string, label: string }
const FIELDS: Record<QuestionStep, FieldSpec[]> = {
  who: [{ path: 'forSomeone', name: 'for-someone', target: 'for-someone-0', label: '谁需要法律援助' }],
  applicant: [
    { path: 'applicant.name', name: 'name', target: 'apply-name', label: '申请人姓名' },
    { path: 'applicant.idNumber', name: 'idNumber', target: 'apply-id', label: '申请人身份证号' },
    { path: 'applicant.phone', name: 'phone', target: 'apply-phone', label: '联系电话' },
    { path: 'applicant.address', name: 'address', target: 'apply-address', label: '住址' },
  ],
  agent: [
    { path: 'agent.relation', name: 'agent-relation', target: 'agent-relation-0', label: '您与申请人的关系' },
    { path: 'agent.representativeInfringes', name: 'agent-infringes', target: 'agent-infringes-0', label: '法定代理人是否侵犯了申请人的合法权益' },
    { path: 'agent.name', name: 'agentName', target: 'agent-name', label: '您的姓名' },
    { path: 'agent.phone', name: 'agentPhone', target: 'agent-phone', label: '您的联系电话' },
    { path: 'agent', name: 'agent', target: 'agent-relation-0', label: '代为申请' },
  ],
  matter: [{ path: 'matterSummary', name: 'matterSummary', target: 'apply-summary', label: '事情经过' }],
  consent: [
    { path: 'consent.processing', name: 'consentProcessing', target: 'consent-processing', label: '个人信息处理的同意' },
    { path: 'consent.sensitive', name: 'consentSensitive', target: 'consent-sensitive', label: '敏感个人信息的单独同意' },
    // The guardian rule (个人信息保护法第三十一条) is checked once everything is filled in: shown here.
    { path: 'agent', name: 'agent', target: 'consent-processing', label: '代为申请' },
  ],
}

const draftOf = (s: ApplicationState): ApplicationDraft => (s.a && typeof s.a === 'object' ? s.a : {})

export function stepsOf(d: ApplicationDraft): QuestionStep[] {
  return d.forSomeone ? ['who', 'applicant', 'agent', 'matter', 'consent'] : ['who', 'applicant', 'matter', 'consent']
}

/** The body the route's schema parses (the same the page used to send with fetch). */
export function toApplyInput(d: ApplicationDraft, screening: ScreeningInputRaw): unknown {
  return {
    applicant: { name: d.name ?? '', idNumber: d.idNumber ?? '', phone: d.phone ?? '', address: d.address ?? '' },
    matterSummary: d.matterSummary ?? '',
    screening,
    ...(d.forSomeone
      ? { agent: { relation: d.agentRelation, name: d.agentName ?? '', phone: d.agentPhone ?? '', ...(d.representativeInfringes !== undefined ? { representativeInfringes: d.representativeInfringes } : {}) } }
      : {}),
    consent: { processing: d.consentProcessing === true, sensitive: d.consentSensitive === true },
  }
}

/** The errors of one step (the schema's issues on that step's fields), first message per field. */
function stepErrors(step: QuestionStep, d: ApplicationDraft, screening: ScreeningInputRaw): FieldError[] {
  if (step === 'who') return d.forSomeone === undefined ? [{ name: 'for-someone', target: 'for-someone-0', message: '请选择由谁申请' }] : []
  const res = applyBody.safeParse(toApplyInput(d, screening))
  if (res.success) return []
  const out: FieldError[] = []
  for (const issue of res.error.issues) {
    const spec = FIELDS[step].find(f => f.path === issue.path.join('.'))
    if (spec && !out.some(e => e.name === spec.name)) out.push({ name: spec.name, target: spec.target, message: issue.message })
  }
  return out
}

/** The first step still to be completed, or -1 when the application can be checked and sent. */
function firstOpen(d: ApplicationDraft, screening: ScreeningInputRaw): number {
  return stepsOf(d).findIndex(s => stepErrors(s, d, screening).length > 0)
}

const yes = (v: string | undefined) => v === 'true' ? true : v === 'false' ? false : undefined
const one = (f: FormValues, name: string, max: number) => (f[name]?.[0] ?? '').slice(0, max)

/** Reads one step's fields from the submitted form into the draft (normalised as the form would). */
function readStep(step: QuestionStep, d: ApplicationDraft, f: FormValues): { draft: ApplicationDraft, typed: Record<string, string> } {
  const next = { ...d }
  const typed: Record<string, string> = {}
  const text = (name: string, max: number) => (typed[name] = one(f, name, max))
  switch (step) {
    case 'who': next.forSomeone = yes(text('for-someone', 8)); break
    case 'applicant':
      next.name = text('name', 60)
      next.idNumber = typed.idNumber = normalizeIdNumberInput(one(f, 'idNumber', 40))
      next.phone = text('phone', 40)
      next.address = text('address', 220)
      break
    case 'agent': {
      const relation = text('agent-relation', 40)
      next.agentRelation = (agentRelationCodes as readonly string[]).includes(relation) ? relation as AgentRelationCode : undefined
      next.representativeInfringes = yes(text('agent-infringes', 8))
      next.agentName = text('agentName', 60)
      next.agentPhone = text('agentPhone', 40)
      break
    }
    case 'matter': next.matterSummary = text('matterSummary', MATTER_SUMMARY_MAX + 20); break
    case 'consent':
      next.consentProcessing = text('consentProcessing', 8) === 'yes'
      next.consentSensitive = text('consentSensitive', 8) === 'yes'
      break
  }
  return { draft: next, typed }
}

function valuesOf(step: QuestionStep, d: ApplicationDraft): Record<string, string> {
  const b = (v: boolean | undefined) => (v === undefined ? '' : String(v))
  switch (step) {
    case 'who': return { 'for-someone': b(d.forSomeone) }
    case 'applicant': return { name: d.name ?? '', idNumber: d.idNumber ?? '', phone: d.phone ?? '', address: d.address ?? '' }
    case 'agent': return { 'agent-relation': d.agentRelation ?? '', 'agent-infringes': b(d.representativeInfringes), agentName: d.agentName ?? '', agentPhone: d.agentPhone ?? '' }
    case 'matter': return { matterSummary: d.matterSummary ?? '' }
    case 'consent': return { consentProcessing: d.consentProcessing ? 'yes' : '', consentSensitive: d.consentSensitive ? 'yes' : '' }
  }
}

const stepUrl = (step: ApplyStepId, ret?: 'check') => `${APPLY_PATH}?step=${step}${ret ? '&return=check' : ''}`

/** The questionnaire's finished answers (sent along and screened again), if the resident did it. */
export interface Questionnaire { result?: ResultView }

function checkRows(d: ApplicationDraft, q: Questionnaire): ApplyCheckRow[] {
  const rows: ApplyCheckRow[] = []
  const add = (step: QuestionStep, label: string, value: string) => rows.push({ label, value: value || '（未填写）', href: stepUrl(step, 'check') })
  add('who', '谁需要法律援助', d.forSomeone ? '替家人申请（代为申请）' : '本人申请')
  add('applicant', '申请人姓名', d.name ?? '')
  add('applicant', '申请人身份证号', d.idNumber ?? '')
  add('applicant', '联系电话', d.phone ?? '')
  add('applicant', '住址', d.address ?? '')
  if (d.forSomeone) {
    add('agent', '您与申请人的关系', d.agentRelation ? agentRelationLabels[d.agentRelation] : '')
    add('agent', '法定代理人是否侵犯了申请人的合法权益', d.representativeInfringes === undefined ? '未说明' : d.representativeInfringes ? '是' : '否')
    add('agent', '您的姓名', d.agentName ?? '')
    add('agent', '您的联系电话', d.agentPhone ?? '')
  }
  add('matter', '事情经过', d.matterSummary ?? '')
  add('consent', '个人信息处理', d.consentProcessing ? '已同意' : '未同意')
  if (sensitiveKindsIn(q.result?.screening).length) add('consent', '敏感个人信息的单独同意', d.consentSensitive ? '已同意' : '未同意')
  for (const l of q.result?.summary ?? []) rows.push({ label: `自测：${l.question}`, value: l.answer, href: `/eligibility?step=${l.number}&return=check` })
  return rows
}

export interface ApplyViewQuery { step?: unknown, return?: unknown }

/** What the page shows for a URL: a step (with its values and errors), the check page, or the confirmation. */
export function applyView(state: ApplicationState, q: Questionnaire, query: ApplyViewQuery): ApplyView {
  const d = draftOf(state)
  const screening = q.result?.screening ?? {}
  const steps = stepsOf(d)
  const open = firstOpen(d, screening)
  const ret = query.return === 'check' ? 'check' as const : undefined
  const questionnaire = q.result ? { matterLabel: q.result.matterLabel ?? '', discreet: q.result.discreet } : undefined
  const sensitive = sensitiveKindsIn(screening).map(kind => ({ kind, label: sensitiveKindLabels[kind], purpose: sensitiveKindPurposes[kind] }))

  if (query.step === 'done') {
    if (state.adone) return { kind: 'done', ...state.adone }
    return { kind: 'step', redirect: stepUrl('who'), ...stepView('who') }
  }
  if (query.step === 'check' && open === -1) {
    const flash = state.aflash?.step === 'check' ? state.aflash : undefined
    return { kind: 'check', title: TITLES.check, rows: checkRows(d, q), ...(flash?.formError ? { formError: flash.formError } : {}), ...(questionnaire ? { questionnaire } : {}) }
  }
  const wanted = steps.indexOf(query.step as QuestionStep)
  const max = open === -1 ? steps.length - 1 : open
  const index = wanted === -1 ? (query.step === undefined ? 0 : max) : Math.min(wanted, max)
  const step = steps[index]!
  const redirect = query.step !== undefined && query.step !== step ? stepUrl(step, ret) : undefined
  return { kind: 'step', ...(redirect ? { redirect } : {}), ...stepView(step) }

  function stepView(step: QuestionStep) {
    const i = steps.indexOf(step)
    const flash = state.aflash?.step === step ? state.aflash : undefined
    return {
      step, number: i + 1, total: steps.length, title: TITLES[step],
      values: flash?.values ?? valuesOf(step, d),
      errors: flash?.errors ?? [],
      ...(i > 0 ? { backHref: stepUrl(steps[i - 1]!, ret) } : {}),
      ...(ret ? { returnTo: ret } : {}),
      nextLabel: ret ? '保存并返回核对页' : step === 'consent' ? '继续，核对您的回答' : '下一步',
      sensitive,
      ...(questionnaire ? { questionnaire } : {}),
    }
  }
}

export interface ApplyOutcome {
  state: ApplicationState
  location: string
  /** a complete application to send (the route sends it, then calls `afterSend`) */
  send?: ApplyBody
}

/** One submitted step (plain form or the page's fetch): the new state and where to go. */
export function submitApplyStep(state: ApplicationState, q: Questionnaire, form: FormValues): ApplyOutcome {
  const d = draftOf(state)
  const screening = q.result?.screening ?? {}
  const ret = form.return?.[0] === 'check' ? 'check' as const : undefined
  const posted = form.step?.[0]
  const next: ApplicationState = { ...state }
  delete next.aflash
  if (posted === 'check') {
    const res = applyBody.safeParse(toApplyInput(d, screening))
    if (!res.success) {
      const open = firstOpen(d, screening)
      return { state: next, location: stepUrl(stepsOf(d)[open === -1 ? 0 : open]!) }
    }
    return { state: next, location: `${APPLY_PATH}?step=done`, send: res.data }
  }
  const steps = stepsOf(d)
  const open = firstOpen(d, screening)
  const max = open === -1 ? steps.length - 1 : open
  const i = steps.indexOf(posted as QuestionStep)
  if (i === -1 || i > max) return { state, location: stepUrl(steps[max]!) }
  const step = steps[i]!
  const { draft, typed } = readStep(step, d, form)
  const errors = stepErrors(step, draft, screening)
  if (errors.length) return { state: { ...next, aflash: { step, errors, values: typed } }, location: stepUrl(step, ret) }
  next.a = draft
  const after = firstOpen(draft, screening)
  if (after === -1) return { state: next, location: stepUrl('check') }
  const nextSteps = stepsOf(draft)
  return { state: next, location: stepUrl(nextSteps[ret ? after : Math.min(after, i + 1)]!, ret) }
}

/** After the application was stored: drop the draft and the questionnaire, keep the confirmation. */
export function afterSend(state: ApplicationState & Record<string, unknown>, done: ApplicationDone): Record<string, unknown> {
  const { a: _a, aflash: _f, q: _q, qflash: _qf, ...rest } = state
  return { ...rest, adone: done }
}

/** The application was refused by the service (e.g. the consent rule): back to the check page with its message. */
export function sendFailed(state: ApplicationState, message: string): ApplyOutcome {
  return { state: { ...state, aflash: { step: 'check', errors: [], values: {}, formError: message } }, location: stepUrl('check') }
}
