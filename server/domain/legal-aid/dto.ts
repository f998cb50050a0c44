// Rows → DTOs: whitelisted fields only, personal values masked unless revealed through an audited action.
import type { LegalAidApplicationRow } from '../../db/schema'
import type { QueueRow } from '../../repositories/legal-aid'
import { ageOn } from '../../../shared/domain/applications/id-number'
import { maskIdNumber, maskPhone } from '../../../shared/domain/applications/mask'
import { agentRelationLabels, type AgentRelationCode } from '../../../shared/schemas/applications'
import { matterLabels, type MatterCode, type ScreeningInput } from '../../../shared/schemas/eligibility'
import type {
  ApplicationDetailDto, ApplicationStatusCode, ApplicationStatusDto, ReviewQueueItemDto,
} from '../../../shared/types/applications'
import type { ScreeningOutcome, ScreeningResultDto } from '../../../shared/types/eligibility'
import { expiryPatch, OBJECTION_ROUTE, runningDeadlines, TERMINATION_OBJECTION_ROUTE } from './rules'
import { canTransition, PROVISIONAL_GROUNDS, statusLabels, TERMINATION_GROUNDS, type ApplicationStatus, type ProvisionalGround, type TerminationGround } from './state'
import type { StaffRole } from '../../../shared/types/staff'

/** What is kept encrypted in `personal_enc`. */
export interface PersonalData {
  name: string
  address: string
  birthDate: string
  matterSummary: string
  agent?: { relation: AgentRelationCode, name: string, phone: string, representativeInfringes?: boolean }
  screening: ScreeningInput
  result: ScreeningResultDto
}

/** Status as it stands today: materials past their due date mean withdrawn even before a write. */
export function effectiveStatus(row: Pick<LegalAidApplicationRow, 'status' | 'materialsDue'>, today: string): ApplicationStatus {
  const withdrawn = expiryPatch({ status: row.status, materialsDue: row.materialsDue } as never, new Date(0), today)
  return (withdrawn ? 'withdrawn' : row.status) as ApplicationStatus
}

type QueueLike = Pick<QueueRow, 'id' | 'reference' | 'nameMasked' | 'status' | 'version' | 'urgent' | 'matter' | 'receivedDate' | 'screeningOutcome' | 'decisionDue' | 'decisionDaysLeft' | 'materialsDue' | 'assignDue' | 'objectionDue'>

export function toQueueItemDto(row: QueueLike, today: string): ReviewQueueItemDto {
  const status = effectiveStatus(row, today)
  const deadlines = runningDeadlines({ ...row, status, materialsRequestedAt: null, materialsSuppliedAt: null, objectionAt: null }, today)
  return {
    id: row.id,
    reference: row.reference,
    nameMasked: row.nameMasked,
    status,
    statusLabel: statusLabels[status],
    urgent: row.urgent,
    matter: (row.matter as MatterCode | null) ?? null,
    matterLabel: row.matter ? matterLabels[row.matter as MatterCode] ?? row.matter : '未选择',
    receivedDate: row.receivedDate,
    screeningOutcome: row.screeningOutcome as ScreeningOutcome,
    deadline: deadlines[0] ?? null,
    version: row.version,
  }
}

const iso = (d: Date | null) => (d ? d.toISOString() : null)

const provisionalLabel = (g: number | null) => (g ? PROVISIONAL_GROUNDS[g as ProvisionalGround] ?? '' : '')
const terminationLabel = (g: number | null) => (g ? TERMINATION_GROUNDS[g as TerminationGround] ?? '' : '')

/** Whether the applicant may object now: a refusal or termination with no objection filed since (第四十九条). */
export function canObjectNow(row: Pick<LegalAidApplicationRow, 'objectionAt' | 'decidedAt' | 'terminatedAt'>, status: ApplicationStatus): boolean {
  if (!canTransition(status, 'object')) return false
  const last = Math.max(row.decidedAt?.getTime() ?? 0, row.terminatedAt?.getTime() ?? 0)
  return !row.objectionAt || row.objectionAt.getTime() < last
}

export function toDetailDto(row: LegalAidApplicationRow, p: PersonalData, idNumber: string, phone: string, today: string, role: StaffRole = 'reviewer'): ApplicationDetailDto {
  const item = toQueueItemDto(row, today)
  const status = item.status
  return {
    ...item,
    applicant: { name: p.name, idNumberMasked: maskIdNumber(idNumber), phoneMasked: maskPhone(phone), address: p.address, age: ageOn(p.birthDate, today) },
    agent: p.agent ? { relation: p.agent.relation, relationLabel: agentRelationLabels[p.agent.relation], name: p.agent.name, phoneMasked: maskPhone(p.agent.phone) } : null,
    matterSummary: p.matterSummary,
    sensitiveConsent: row.sensitiveConsent,
    screening: { input: p.screening, result: p.result, ruleVersion: row.ruleVersion },
    deadlines: runningDeadlines({ ...row, status }, today),
    clockPaused: status === 'materials_requested',
    materials: row.materialsRequestedAt && row.materialsList
      ? { items: row.materialsList, requestedAt: row.materialsRequestedAt.toISOString(), due: row.materialsDue!, suppliedAt: iso(row.materialsSuppliedAt), note: null }
      : null,
    decision: row.decidedAt ? { decidedAt: row.decidedAt.toISOString(), refusalReasons: row.refusalReasons } : null,
    assignment: row.assignedAt ? { lawyer: row.assigneeLawyer!, firm: row.assigneeFirm!, assignedAt: row.assignedAt.toISOString() } : null,
    provisional: row.provisionalAt ? { startedAt: row.provisionalAt.toISOString(), ground: row.provisionalGround ?? 0, groundLabel: provisionalLabel(row.provisionalGround) } : null,
    termination: row.terminatedAt && row.terminationReasons
      ? { terminatedAt: row.terminatedAt.toISOString(), ground: row.terminationGround ?? 0, groundLabel: terminationLabel(row.terminationGround), reasons: row.terminationReasons }
      : null,
    objection: row.objectionAt
      ? { subject: (row.objectionSubject as 'refusal' | 'termination' | null) ?? 'refusal', filedAt: row.objectionAt.toISOString(), reason: '', due: row.objectionDue!, decision: (row.objectionDecision as 'maintain' | 'correct' | null), reasons: row.objectionDecisionReasons, decidedAt: iso(row.objectionDecidedAt) }
      : null,
    // The centre's reviewer decides applications; only the 司法行政部门 decides objections (第四十九条).
    allowed: {
      requestMaterials: role === 'reviewer' && canTransition(status, 'request_materials') && !row.materialsRequestedAt,
      decide: role === 'reviewer' && canTransition(status, 'grant'),
      assign: role === 'reviewer' && canTransition(status, 'assign'),
      startProvisional: role === 'reviewer' && canTransition(status, 'start_provisional'),
      terminate: role === 'reviewer' && canTransition(status, 'terminate') && !(status === 'correction_ordered' && row.objectionSubject === 'refusal'),
      decideObjection: role === 'justice_bureau' && canTransition(status, 'maintain'),
    },
  }
}

/** What the applicant sees on the status page (no personal values at all). */
export function toPublicStatusDto(row: LegalAidApplicationRow, today: string): ApplicationStatusDto {
  const status = effectiveStatus(row, today)
  const dto: ApplicationStatusDto = {
    reference: row.reference,
    status: status as ApplicationStatusCode,
    statusLabel: statusLabels[status],
    receivedDate: row.receivedDate,
    urgent: row.urgent,
    deadlines: runningDeadlines({ ...row, status }, today),
    clockPaused: status === 'materials_requested',
    canSupplyMaterials: canTransition(status, 'supply_materials'),
    canObject: canObjectNow(row, status),
  }
  if (row.materialsRequestedAt && row.materialsList) dto.materials = { items: row.materialsList, due: row.materialsDue!, suppliedAt: iso(row.materialsSuppliedAt) }
  const subject = (row.objectionSubject as 'refusal' | 'termination' | null) ?? 'refusal'
  const aboutRefusal = status === 'refused' || (['objection_pending', 'objection_maintained'].includes(status) && subject === 'refusal')
  if (row.refusalReasons && row.decidedAt && aboutRefusal) {
    dto.refusal = { reasons: row.refusalReasons, decidedAt: row.decidedAt.toISOString(), objectionRoute: OBJECTION_ROUTE }
  }
  const aboutTermination = status === 'terminated' || (['objection_pending', 'objection_maintained'].includes(status) && subject === 'termination')
  if (row.terminatedAt && row.terminationReasons && aboutTermination) {
    dto.termination = {
      ground: row.terminationGround ?? 0, groundLabel: terminationLabel(row.terminationGround), reasons: row.terminationReasons,
      decidedAt: row.terminatedAt.toISOString(), objectionRoute: TERMINATION_OBJECTION_ROUTE,
    }
  }
  if (row.provisionalAt) dto.provisional = { startedAt: row.provisionalAt.toISOString(), groundLabel: provisionalLabel(row.provisionalGround) }
  if (row.objectionAt) {
    dto.objection = { subject, filedAt: row.objectionAt.toISOString(), due: row.objectionDue!, decision: row.objectionDecision as 'maintain' | 'correct' | null, reasons: row.objectionDecisionReasons, decidedAt: iso(row.objectionDecidedAt) }
  }
  if (row.assignedAt) dto.assignment = { lawyer: row.assigneeLawyer!, firm: row.assigneeFirm!, assignedAt: row.assignedAt.toISOString() }
  return dto
}
