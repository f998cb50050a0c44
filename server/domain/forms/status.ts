/**
 * The legal-aid status look-up and the applicant's actions (supply materials, object) as plain
 * forms (POST /forms/legal-aid/status → 303 /legal-aid/status), shared with the page's fetch. The
 * proof (reference + phone) is kept in the encrypted draft cookie once it has opened the
 * application, never in a URL; the page shows the status from it. Framework-free: the service
 * (server/domain/legal-aid/service.ts) passes the state, the form and the use cases.
 */
import type { FieldError, FormValues } from '../../../shared/domain/eligibility/question-flow'
import { objectionBody, statusLookupBody, supplyMaterialsBody } from '../../../shared/schemas/applications'
import type { ApplicationStatusDto } from '../../../shared/types/applications'
import type { StatusFormView } from '../../../shared/types/apply-form'

export const STATUS_PATH = '/legal-aid/status'

export interface StatusProof { reference: string, phone: string }
export interface StatusFlash { errors: FieldError[], reference?: string, formError?: string, done?: string }
export interface StatusState { st?: StatusProof, sflash?: StatusFlash }

export interface StatusUseCases {
  lookup: (proof: StatusProof) => Promise<ApplicationStatusDto>
  supply: (body: StatusProof & { note: string }) => Promise<ApplicationStatusDto>
  object: (body: StatusProof & { reason: string }) => Promise<ApplicationStatusDto>
  /** a refusal from the service (DomainError) as a sentence; other errors are thrown on */
  messageOf: (e: unknown) => string | undefined
}

const TARGETS: Record<string, string> = { reference: 'status-ref', phone: 'status-phone', note: 'supply-note', reason: 'objection-reason' }

function issuesToErrors(issues: ReadonlyArray<{ path: PropertyKey[], message: string }>): FieldError[] {
  const out: FieldError[] = []
  for (const i of issues) {
    const name = String(i.path[0] ?? '')
    if (TARGETS[name] && !out.some(e => e.name === name)) out.push({ name, target: TARGETS[name]!, message: i.message })
  }
  return out
}

const one = (f: FormValues, name: string, max: number) => (f[name]?.[0] ?? '').slice(0, max)

/** One submitted form; the new state and where to go (always the status page: nothing in the URL). */
export async function submitStatusForm(state: StatusState, form: FormValues, uc: StatusUseCases): Promise<{ state: StatusState, location: string }> {
  const next: StatusState = { ...state }
  delete next.sflash
  const action = one(form, 'action', 20)
  const fail = (flash: StatusFlash) => ({ state: { ...next, sflash: flash }, location: STATUS_PATH })
  try {
    if (action === 'leave') {
      delete next.st
      return { state: next, location: STATUS_PATH }
    }
    if (action === 'lookup') {
      const reference = one(form, 'reference', 60)
      const res = statusLookupBody.safeParse({ reference, phone: one(form, 'phone', 40) })
      if (!res.success) return fail({ errors: issuesToErrors(res.error.issues), reference })
      await uc.lookup(res.data)
      return { state: { ...next, st: res.data }, location: STATUS_PATH }
    }
    if ((action === 'supply' || action === 'object') && state.st) {
      if (action === 'supply') {
        const res = supplyMaterialsBody.safeParse({ ...state.st, note: one(form, 'note', 1100) })
        if (!res.success) return fail({ errors: issuesToErrors(res.error.issues) })
        await uc.supply(res.data)
        return fail({ errors: [], done: '已告知法律援助机构：您已补充材料。' })
      }
      const res = objectionBody.safeParse({ ...state.st, reason: one(form, 'reason', 1100) })
      if (!res.success) return fail({ errors: issuesToErrors(res.error.issues) })
      await uc.object(res.data)
      return fail({ errors: [], done: '异议已提交，司法行政部门应当在 5 日内审查。' })
    }
    return { state: next, location: STATUS_PATH }
  } catch (e) {
    const message = uc.messageOf(e)
    if (message === undefined) throw e
    return fail({ errors: [], formError: message, ...(action === 'lookup' ? { reference: one(form, 'reference', 60) } : {}) })
  }
}

/** What the page shows: the look-up form (with its errors) and, once proven, the application's status. */
export async function statusFormView(state: StatusState, query: { ref?: unknown }, uc: Pick<StatusUseCases, 'lookup' | 'messageOf'>): Promise<StatusFormView> {
  const flash = state.sflash
  const base = {
    reference: flash?.reference ?? state.st?.reference ?? (typeof query.ref === 'string' ? query.ref.slice(0, 60) : ''),
    errors: flash?.errors ?? [],
    ...(flash?.formError ? { formError: flash.formError } : {}),
    ...(flash?.done ? { done: flash.done } : {}),
  }
  if (!state.st) return base
  try {
    return { ...base, status: await uc.lookup(state.st) }
  } catch (e) {
    const message = uc.messageOf(e)
    if (message === undefined) throw e
    return { ...base, formError: message }
  }
}
