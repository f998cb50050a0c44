/**
 * Legal-aid application use cases: apply (anonymous), status look-up and applicant actions
 * (reference + phone, rate-limited), and review by the legal aid centre (reviewer role).
 * Framework-free. Every change and every staff read of personal data writes its audit row in the
 * same transaction; personal values are encrypted before they reach the database.
 */
import { randomUUID } from 'node:crypto'
import type { Db, DbOrTx } from '../../db/client'
import type { LegalAidApplicationRow } from '../../db/schema'
import { writeAudit } from '../../repositories/audit'
import * as repo from '../../repositories/legal-aid'
import type { PersonalDataCrypto } from '../crypto/aead'
import { DomainError } from '../errors'
import type { ActorRef, AuditActor } from '../platform/actor'
import { shanghaiDay } from './clock'
import { toDetailDto, toPublicStatusDto, toQueueItemDto, type PersonalData } from './dto'
import * as rules from './rules'
import { OBJECTION_STATUSES, OPEN_STATUSES, type ProvisionalGround, type TerminationGround } from './state'
import { newReference } from './reference'
import { proveByReferenceAndPhone, type ReferenceProof } from '../platform/proof'
import { screen, type EligibilityConfig } from '../../../shared/domain/eligibility'
import { ageOn, checkIdNumber } from '../../../shared/domain/applications/id-number'
import { maskName } from '../../../shared/domain/applications/mask'
import { sensitiveKindsIn } from '../../../shared/domain/applications/sensitive'
import { GUARDIAN_REQUIRED_UNDER_AGE, representativeInfringes, type ApplyBody, type DecideBody, type ObjectionDecisionBody, type ProcessingBasis, type ProvisionalBody, type RevealField, type TerminateBody } from '../../../shared/schemas/applications'
import { afterSend, applyView, sendFailed, submitApplyStep, type ApplicationState, type ApplyViewQuery, type Questionnaire } from '../forms/application'
import { questionnaireView, type QuestionnaireState } from '../forms/questionnaire'
import { listServicePoints } from '../appointments/points'
import type { FormValues } from '../../../shared/domain/eligibility/question-flow'
import type { ApplyView, StatusFormView } from '../../../shared/types/apply-form'
import { statusFormView, submitStatusForm, type StatusState, type StatusUseCases } from '../forms/status'
import type {
  ApplicationCreatedDto, ApplicationDetailDto, ApplicationStatusDto, RevealDto, ReviewQueueItemDto,
} from '../../../shared/types/applications'

export interface LegalAidDeps {
  db: Db
  crypto: PersonalDataCrypto
  now: () => Date
  screeningConfig: (now: Date) => Promise<EligibilityConfig>
  /** The request's hashed address, for the audit and (public look-ups) the look-up limit. */
  ipHash?: string | null
}

/** A public use case that proves ownership by reference + phone: the look-up limit needs the address. */
export type PublicLegalAidDeps = LegalAidDeps & { ipHash: string }

const aad = (id: string, field: string) => `legal_aid_applications:${id}:${field}`

const NOT_FOUND = () => new DomainError('APPLICATION_NOT_FOUND')
const STAFF_NOT_FOUND = () => new DomainError('APPLICATION_NOT_FOUND', undefined, '找不到该申请')
const VERSION_CONFLICT = () => new DomainError('VERSION_CONFLICT')

// --- applicant ------------------------------------------------------------------------------

/**
 * A new application: public (the resident, no actor), or made on a caller's behalf by a 12348
 * operator from the call (hotline applyForCall), who is then the audited actor.
 */
export async function submitApplication(deps: LegalAidDeps, body: ApplyBody, actor?: ActorRef): Promise<ApplicationCreatedDto> {
  const ipHash = deps.ipHash ?? null
  const now = deps.now()
  const today = shanghaiDay(now)
  const id = checkIdNumber(body.applicant.idNumber, now)
  if (!id.ok) throw new DomainError('ID_NUMBER_INVALID')
  // 个人信息保护法第三十一条: an under-14's data needs a guardian's consent — unless the guardian is the one
  // infringing the child's rights (法律援助法第四十条第一款): then the centre's statutory duty is the basis
  // (个人信息保护法第十三条第一款第（三）项), and no consent is needed (第十三条第二款).
  const processingBasis: ProcessingBasis =
    ageOn(id.birthDate!, today) < GUARDIAN_REQUIRED_UNDER_AGE && representativeInfringes(body) ? 'statutory_duty' : 'consent'
  if (sensitiveKindsIn(body.screening).length > 0 && !body.consent.sensitive && processingBasis === 'consent') {
    throw new DomainError('SENSITIVE_CONSENT_REQUIRED')
  }
  const screening = { ...body.screening, applicantRelation: body.agent?.relation ?? body.screening.applicantRelation ?? 'self' }
  // Re-screened with the rules in force now; the stored result names its ruleVersion.
  const result = screen(screening, await deps.screeningConfig(now))
  const appId = randomUUID()
  const personal: PersonalData = {
    name: body.applicant.name,
    address: body.applicant.address,
    birthDate: id.birthDate!,
    matterSummary: body.matterSummary,
    ...(body.agent ? { agent: body.agent } : {}),
    screening,
    result,
  }
  const { cipher, lookup } = deps.crypto
  const row = await deps.db.transaction(async (tx) => {
    const seq = await repo.nextApplicationSeq(tx)
    const inserted = await repo.insertApplication(tx, {
      id: appId,
      seq,
      reference: newReference(today.slice(0, 4), seq),
      status: 'submitted',
      receivedAt: now,
      ...rules.onReceipt(today),
      urgent: result.urgent,
      matter: screening.matter ?? null,
      screeningOutcome: result.outcome,
      meansTest: result.meansTest,
      ruleVersion: result.ruleVersion,
      nameMasked: maskName(body.applicant.name),
      idNumberEnc: cipher.encrypt(body.applicant.idNumber, aad(appId, 'id_number')),
      idNumberHash: lookup(body.applicant.idNumber, 'id_number'),
      phoneEnc: cipher.encrypt(body.applicant.phone, aad(appId, 'phone')),
      phoneHash: lookup(body.applicant.phone, 'phone'),
      personalEnc: cipher.encrypt(JSON.stringify(personal), aad(appId, 'personal')),
      hasAgent: Boolean(body.agent),
      sensitiveConsent: body.consent.sensitive,
      consentAt: now,
    })
    await writeAudit(tx, {
      actor: actor ?? null, action: 'application.submit', objectType: 'legal_aid_application', objectId: appId, ipHash,
      detail: { outcome: result.outcome, ruleVersion: result.ruleVersion, urgent: result.urgent, sensitiveConsent: body.consent.sensitive, processingBasis },
    })
    return inserted
  })
  return {
    reference: row.reference,
    status: 'submitted',
    receivedDate: row.receivedDate,
    decisionDue: row.decisionDue!,
    urgent: row.urgent,
    screening: { outcome: result.outcome, ruleVersion: result.ruleVersion },
  }
}

/**
 * The applicant proves who they are with the reference and the phone number on the application
 * (server/domain/platform/proof.ts: same answer for a wrong reference or phone, limited look-ups).
 */
function authenticateApplicant(deps: PublicLegalAidDeps, proof: ReferenceProof): Promise<LegalAidApplicationRow> {
  return proveByReferenceAndPhone(deps, proof, deps.ipHash, ref => repo.findApplicationByReference(deps.db, ref), row => row.phoneHash, NOT_FOUND)
}

/** Persists "withdrawn" when the materials deadline has passed (system action, audited). */
async function settleExpiry(tx: DbOrTx, row: LegalAidApplicationRow, now: Date): Promise<LegalAidApplicationRow> {
  const patch = rules.expiryPatch(row, now, shanghaiDay(now))
  if (!patch) return row
  const updated = await repo.updateApplicationVersioned(tx, row.id, row.version, patch)
  if (!updated) return row
  await writeAudit(tx, { actor: 'system', action: 'application.withdraw', objectType: 'legal_aid_application', objectId: row.id, detail: { reason: 'materials_not_supplied' } })
  return updated
}

export async function applicationStatus(deps: PublicLegalAidDeps, proof: ReferenceProof): Promise<ApplicationStatusDto> {
  const row = await authenticateApplicant(deps, proof)
  const now = deps.now()
  const settled = await deps.db.transaction(tx => settleExpiry(tx, row, now))
  return toPublicStatusDto(settled, shanghaiDay(now))
}

async function applicantAction(
  deps: PublicLegalAidDeps, proof: ReferenceProof,
  action: string, change: (row: LegalAidApplicationRow, now: Date, today: string) => rules.Patch,
): Promise<ApplicationStatusDto> {
  const found = await authenticateApplicant(deps, proof)
  const now = deps.now()
  const today = shanghaiDay(now)
  const row = await deps.db.transaction(async (tx) => {
    const current = await repo.findApplication(tx, found.id)
    if (!current) throw NOT_FOUND()
    const patch = change(current, now, today)
    const updated = await repo.updateApplicationVersioned(tx, current.id, current.version, patch)
    if (!updated) throw VERSION_CONFLICT()
    await writeAudit(tx, { actor: null, action, objectType: 'legal_aid_application', objectId: current.id, ipHash: deps.ipHash })
    return updated
  })
  return toPublicStatusDto(row, today)
}

export function supplyMaterials(deps: PublicLegalAidDeps, body: ReferenceProof & { note: string }) {
  return applicantAction(deps, body, 'application.supply_materials', (row, now, today) => ({
    ...rules.supplyMaterials(row, now, today),
    materialsNoteEnc: deps.crypto.cipher.encrypt(body.note, aad(row.id, 'materials_note')),
  }))
}

export function fileObjection(deps: PublicLegalAidDeps, body: ReferenceProof & { reason: string }) {
  return applicantAction(deps, body, 'application.object', (row, now, today) => ({
    ...rules.object(row, now, today),
    objectionReasonEnc: deps.crypto.cipher.encrypt(body.reason, aad(row.id, 'objection_reason')),
  }))
}

// --- review (legal aid centre) -----------------------------------------------------------------

/** The 司法行政部门 sees only what reached it: objections pending, and those it decided. */
const JUSTICE_BUREAU_ALL = ['objection_pending', 'objection_maintained', 'correction_ordered'] as const

export async function reviewQueue(deps: LegalAidDeps, input: { scope: 'open' | 'all' }, actor: ActorRef): Promise<ReviewQueueItemDto[]> {
  const { scope } = input
  const today = shanghaiDay(deps.now())
  const statuses = actor.role === 'justice_bureau'
    ? (scope === 'open' ? OBJECTION_STATUSES : JUSTICE_BUREAU_ALL)
    : (scope === 'open' ? OPEN_STATUSES : undefined)
  const rows = await deps.db.transaction(async (tx) => {
    const list = await repo.listApplications(tx, statuses)
    await writeAudit(tx, { actor, action: 'application.list', objectType: 'legal_aid_application', ipHash: deps.ipHash, purpose: '审查队列', detail: { scope, count: list.length } })
    return list
  })
  return rows.map(r => toQueueItemDto(r, today)).sort(rules.compareForQueue)
}

function decryptDetail(deps: LegalAidDeps, row: LegalAidApplicationRow, today: string, actor: ActorRef): ApplicationDetailDto {
  const { cipher } = deps.crypto
  const personal = JSON.parse(cipher.decrypt(row.personalEnc, aad(row.id, 'personal'))) as PersonalData
  const dto = toDetailDto(row, personal, cipher.decrypt(row.idNumberEnc, aad(row.id, 'id_number')), cipher.decrypt(row.phoneEnc, aad(row.id, 'phone')), today, actor.role)
  if (dto.materials && row.materialsNoteEnc) dto.materials.note = cipher.decrypt(row.materialsNoteEnc, aad(row.id, 'materials_note'))
  if (dto.objection && row.objectionReasonEnc) dto.objection.reason = cipher.decrypt(row.objectionReasonEnc, aad(row.id, 'objection_reason'))
  return dto
}

export async function openApplication(deps: LegalAidDeps, input: { id: string }, actor: ActorRef): Promise<ApplicationDetailDto> {
  const { id } = input
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const found = await repo.findApplication(tx, id)
    // The 司法行政部门 reads only applications with an objection (第四十九条); others are not found for it.
    if (!found || (actor.role === 'justice_bureau' && !found.objectionAt)) throw STAFF_NOT_FOUND()
    const row = await settleExpiry(tx, found, now)
    const purpose = actor.role === 'justice_bureau' ? '审查异议' : '审查法律援助申请'
    await writeAudit(tx, { actor, action: 'application.read', objectType: 'legal_aid_application', objectId: id, ipHash: deps.ipHash, purpose, detail: { masked: true } })
    return decryptDetail(deps, row, shanghaiDay(now), actor)
  })
}

export async function revealField(deps: LegalAidDeps, input: { id: string, field: RevealField, purpose: string }, actor: ActorRef): Promise<RevealDto> {
  const { id, field, purpose } = input
  return deps.db.transaction(async (tx) => {
    const row = await repo.findApplication(tx, id)
    if (!row) throw STAFF_NOT_FOUND()
    const { cipher } = deps.crypto
    let value: string | undefined
    if (field === 'idNumber') value = cipher.decrypt(row.idNumberEnc, aad(id, 'id_number'))
    else if (field === 'phone') value = cipher.decrypt(row.phoneEnc, aad(id, 'phone'))
    else value = (JSON.parse(cipher.decrypt(row.personalEnc, aad(id, 'personal'))) as PersonalData).agent?.phone
    if (value === undefined) throw new DomainError('FIELD_NOT_PRESENT')
    await writeAudit(tx, { actor, action: 'application.reveal', objectType: 'legal_aid_application', objectId: id, ipHash: deps.ipHash, purpose, detail: { field } })
    return { field, value }
  })
}

const CONFIRMATION_MISMATCH = () => new DomainError('CONFIRMATION_MISMATCH')

async function staffAction(
  deps: LegalAidDeps, actor: ActorRef, body: { id: string, version: number, confirmReference?: string },
  action: string, change: (row: LegalAidApplicationRow, now: Date, today: string) => rules.Patch, detail: Record<string, unknown> = {},
): Promise<ApplicationDetailDto> {
  const now = deps.now()
  const today = shanghaiDay(now)
  const { id, version } = body
  return deps.db.transaction(async (tx) => {
    const row = await repo.findApplication(tx, id)
    if (!row || (actor.role === 'justice_bureau' && !row.objectionAt)) throw STAFF_NOT_FOUND()
    if (row.version !== version) throw VERSION_CONFLICT()
    // Decisions are deliberate: the confirmation names the reference, and it must be this application's.
    if (body.confirmReference !== undefined && body.confirmReference !== row.reference) throw CONFIRMATION_MISMATCH()
    // Past the materials deadline the application is withdrawn, whatever the row still says.
    const state = rules.expiryPatch(row, now, today) ? { ...row, status: 'withdrawn' } : row
    const patch = change(state, now, today)
    const updated = await repo.updateApplicationVersioned(tx, id, version, patch)
    if (!updated) throw VERSION_CONFLICT()
    await writeAudit(tx, { actor, action, objectType: 'legal_aid_application', objectId: id, ipHash: deps.ipHash, purpose: actor.role === 'justice_bureau' ? '审查异议' : '审查法律援助申请', detail: { from: row.status, to: updated.status, ...detail } })
    return decryptDetail(deps, updated, today, actor)
  })
}

export function requestMaterials(deps: LegalAidDeps, body: { version: number, items: string[] } & { id: string }, actor: ActorRef) {
  return staffAction(deps, actor, body, 'application.request_materials',
    (row, now, today) => rules.requestMaterials(row, body.items, now, today, actor.id), { items: body.items.length })
}

/** Grant or refuse (第四十三条第一款), also the new decision after 责令改正 (第四十九条). */
export function decideApplication(deps: LegalAidDeps, body: DecideBody & { id: string }, actor: ActorRef) {
  return staffAction(deps, actor, body, body.decision === 'grant' ? 'application.grant' : 'application.refuse',
    (row, now, today) => body.decision === 'grant' ? rules.grant(row, now, today, actor.id) : rules.refuse(row, body.reasons ?? '', now, actor.id))
}

export function assignApplication(deps: LegalAidDeps, body: { version: number, lawyer: string, firm: string } & { id: string }, actor: ActorRef) {
  return staffAction(deps, actor, body, 'application.assign',
    (row, now) => rules.assign(row, now, actor.id, body.lawyer, body.firm))
}

/** 第四十四条: aid before the decision (the lawyer starts now; the decision follows). */
export function startProvisionalAid(deps: LegalAidDeps, body: ProvisionalBody & { id: string }, actor: ActorRef) {
  return staffAction(deps, actor, body, 'application.provisional',
    (row, now) => rules.startProvisional(row, body.ground as ProvisionalGround, body.lawyer, body.firm, now, actor.id), { ground: body.ground })
}

/** 第四十八条: termination with a ground and reasons (the applicant may object, 第四十九条). */
export function terminateAid(deps: LegalAidDeps, body: TerminateBody & { id: string }, actor: ActorRef) {
  return staffAction(deps, actor, body, 'application.terminate',
    (row, now) => rules.terminate(row, body.ground as TerminationGround, body.reasons, now, actor.id), { ground: body.ground })
}

/** 第四十九条第二款: decided by the 司法行政部门 (role justice_bureau), never by the centre that decided. */
export function decideObjection(deps: LegalAidDeps, body: ObjectionDecisionBody & { id: string }, actor: ActorRef) {
  if (actor.role !== 'justice_bureau') throw new DomainError('OBJECTION_BUREAU_ONLY')
  return staffAction(deps, actor, body, 'application.decide_objection',
    (row, now, today) => rules.decideObjection(row, body.decision, body.reasons, now, today, actor.id), { decision: body.decision })
}

// --- the application form without JavaScript (server-rendered steps, check your answers) ----------

export interface FormInput { state: ApplicationState & QuestionnaireState & Record<string, unknown> }

async function questionnaireOf(deps: LegalAidDeps, state: QuestionnaireState): Promise<Questionnaire> {
  const view = questionnaireView(state, await deps.screeningConfig(deps.now()), { step: 'result' })
  return view.kind === 'result' ? { result: view } : {}
}

/** The page's view of the application form for a URL (step, check your answers, or the confirmation). */
export async function viewApplicationForm(deps: LegalAidDeps, input: FormInput & { query: ApplyViewQuery }): Promise<ApplyView> {
  const view = applyView(input.state, await questionnaireOf(deps, input.state), input.query)
  if (view.kind !== 'done') return view
  // Where to bring the documents: the county's legal aid centre (the city's when no county was given).
  const all = await listServicePoints(deps)
  const point = all.find(p => p.level === 'county' && view.county && p.county === view.county) ?? all.find(p => p.level === 'city')
  return point
    ? { ...view, servicePoint: { id: point.id, name: point.name, address: point.address, phone: point.phone, openingHours: point.openingHours, accessibility: point.accessibility } }
    : view
}

/** One submitted step of the application form; at "check your answers", the application is sent. */
export async function answerApplicationStep(deps: LegalAidDeps, input: FormInput & { form: FormValues }): Promise<{ state: Record<string, unknown>, location: string }> {
  const out = submitApplyStep(input.state, await questionnaireOf(deps, input.state), input.form)
  if (!out.send) return out as { state: Record<string, unknown>, location: string }
  try {
    const created = await submitApplication(deps, out.send)
    const done = { reference: created.reference, receivedDate: created.receivedDate, decisionDue: created.decisionDue, urgent: created.urgent, ...(out.send.screening.household?.county ? { county: out.send.screening.household.county } : {}) }
    return { state: afterSend({ ...input.state, ...out.state }, done), location: out.location }
  } catch (e) {
    if (!(e instanceof DomainError)) throw e
    return sendFailed(out.state, e.message) as { state: Record<string, unknown>, location: string }
  }
}

// --- the status look-up and the applicant's actions without JavaScript --------------------------

function statusUseCases(deps: PublicLegalAidDeps): StatusUseCases {
  return {
    lookup: proof => applicationStatus(deps, proof),
    supply: body => supplyMaterials(deps, body),
    object: body => fileObjection(deps, body),
    messageOf: e => (e instanceof DomainError ? e.message : undefined),
  }
}

/** The status page for the proof kept in the draft cookie (each view is a counted look-up). */
export function viewApplicationStatusForm(deps: PublicLegalAidDeps, input: { state: StatusState, query: { ref?: unknown } }): Promise<StatusFormView> {
  return statusFormView(input.state, input.query, statusUseCases(deps))
}

/** One submitted status-page form (look up, supply materials, object, leave). */
export function answerApplicationStatusForm(deps: PublicLegalAidDeps, input: { state: StatusState, form: FormValues }) {
  return submitStatusForm(input.state, input.form, statusUseCases(deps))
}

export type { AuditActor }
