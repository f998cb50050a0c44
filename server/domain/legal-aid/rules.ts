/**
 * Pure decisions on one application: given its current state, the day and the request, what
 * changes. No database, no framework: the service applies the patch with the version check.
 */
import { DomainError } from '../errors'
import {
  ASSIGN_DAYS, DECISION_DAYS, MATERIALS_DAYS, OBJECTION_DAYS, deadlineState, dueDate, pausedDaysLeft, resumedDecisionDue,
} from './clock'
import { nextStatus, type ApplicationStatus } from './state'
import type { DeadlineDto, DeadlineKind } from '../../../shared/types/applications'

/** The fields of an application the rules read (the row has them all). */
export interface ApplicationState {
  status: string
  receivedDate: string
  urgent: boolean
  decisionDue: string | null
  decisionDaysLeft: number | null
  materialsRequestedAt: Date | null
  materialsDue: string | null
  materialsSuppliedAt: Date | null
  assignDue: string | null
  objectionAt: Date | null
  objectionDue: string | null
}

export type Patch = Record<string, unknown> & { status?: ApplicationStatus }

export function onReceipt(today: string): { receivedDate: string, decisionDue: string } {
  return { receivedDate: today, decisionDue: dueDate(today, DECISION_DAYS) }
}

const status = (a: ApplicationState) => a.status as ApplicationStatus

/** 一次性告知: one request, all items together; the decision clock pauses. */
export function requestMaterials(a: ApplicationState, items: string[], now: Date, today: string, actorId: string): Patch {
  if (a.materialsRequestedAt) {
    throw new DomainError('MATERIALS_ALREADY_REQUESTED')
  }
  const to = nextStatus(status(a), 'request_materials')
  return {
    status: to,
    materialsRequestedAt: now,
    materialsRequestedBy: actorId,
    materialsList: items,
    materialsDue: dueDate(today, MATERIALS_DAYS),
    decisionDaysLeft: pausedDaysLeft(a.decisionDue ?? dueDate(a.receivedDate, DECISION_DAYS), today),
  }
}

/** Materials past their due date: the application counts as withdrawn (第四十三条第二款). */
export function expiryPatch(a: ApplicationState, now: Date, today: string): Patch | null {
  if (a.status !== 'materials_requested' || !a.materialsDue || today <= a.materialsDue) return null
  return { status: nextStatus('materials_requested', 'expire_materials'), withdrawnAt: now }
}

export function supplyMaterials(a: ApplicationState, now: Date, today: string): Patch {
  if (a.status === 'materials_requested' && a.materialsDue && today > a.materialsDue) {
    throw new DomainError('MATERIALS_DEADLINE_PASSED')
  }
  const to = nextStatus(status(a), 'supply_materials')
  return { status: to, materialsSuppliedAt: now, decisionDue: resumedDecisionDue(a.decisionDaysLeft ?? DECISION_DAYS, today), decisionDaysLeft: null }
}

export function grant(a: ApplicationState, now: Date, today: string, actorId: string): Patch {
  return { status: nextStatus(status(a), 'grant'), decidedAt: now, decidedBy: actorId, assignDue: dueDate(today, ASSIGN_DAYS) }
}

export function refuse(a: ApplicationState, reasons: string, now: Date, actorId: string): Patch {
  if (reasons.trim().length < 10) throw new DomainError('REASONS_REQUIRED')
  return { status: nextStatus(status(a), 'refuse'), decidedAt: now, decidedBy: actorId, refusalReasons: reasons.trim() }
}

export function assign(a: ApplicationState, now: Date, actorId: string, lawyer: string, firm: string): Patch {
  return { status: nextStatus(status(a), 'assign'), assignedAt: now, assignedBy: actorId, assigneeLawyer: lawyer, assigneeFirm: firm }
}

export function object(a: ApplicationState, now: Date, today: string): Patch {
  if (a.objectionAt) throw new DomainError('OBJECTION_ALREADY_FILED')
  return { status: nextStatus(status(a), 'object'), objectionAt: now, objectionDue: dueDate(today, OBJECTION_DAYS) }
}

export function decideObjection(a: ApplicationState, decision: 'maintain' | 'correct', reasons: string, now: Date, today: string, actorId: string): Patch {
  const to = nextStatus(status(a), decision === 'maintain' ? 'maintain_refusal' : 'correct_refusal')
  const patch: Patch = { status: to, objectionDecision: decision, objectionDecisionReasons: reasons.trim(), objectionDecidedAt: now, objectionDecidedBy: actorId }
  // 责令改正: the centre now gives aid, and the 3-day assignment clock starts.
  if (decision === 'correct') Object.assign(patch, { decidedAt: now, decidedBy: actorId, assignDue: dueDate(today, ASSIGN_DAYS) })
  return patch
}

const DEADLINE_TEXT: Record<DeadlineKind, { label: string, basis: string }> = {
  decision: { label: '法律援助机构作出是否给予法律援助的决定', basis: '法律援助法第四十三条第一款' },
  assign: { label: '法律援助机构指派承办人员', basis: '法律援助法第四十三条第一款' },
  objection: { label: '司法行政部门对异议作出审查决定', basis: '法律援助法第四十九条第二款' },
  materials: { label: '申请人补充材料（逾期视为撤回申请）', basis: '法律援助法第四十三条第二款' },
}

function deadline(kind: DeadlineKind, due: string, today: string): DeadlineDto {
  return { kind, ...DEADLINE_TEXT[kind], ...deadlineState(due, today) }
}

/** The clocks running now (normally one). */
export function runningDeadlines(a: ApplicationState, today: string): DeadlineDto[] {
  switch (a.status) {
    case 'submitted': return a.decisionDue ? [deadline('decision', a.decisionDue, today)] : []
    case 'materials_requested': return a.materialsDue ? [deadline('materials', a.materialsDue, today)] : []
    case 'granted': return a.assignDue ? [deadline('assign', a.assignDue, today)] : []
    case 'objection_pending': return a.objectionDue ? [deadline('objection', a.objectionDue, today)] : []
    default: return []
  }
}

/** Queue order: urgent (第四十四条) first, then the nearest deadline, then the oldest. */
export function compareForQueue(
  x: { urgent: boolean, deadline: DeadlineDto | null, receivedDate: string },
  y: { urgent: boolean, deadline: DeadlineDto | null, receivedDate: string },
): number {
  if (x.urgent !== y.urgent) return x.urgent ? -1 : 1
  const dx = x.deadline?.due ?? '9999-12-31'
  const dy = y.deadline?.due ?? '9999-12-31'
  if (dx !== dy) return dx < dy ? -1 : 1
  return x.receivedDate < y.receivedDate ? -1 : x.receivedDate > y.receivedDate ? 1 : 0
}

export const OBJECTION_ROUTE =
  '如对不予法律援助的决定有异议，可以向设立本法律援助机构的司法行政部门（银川市司法局或所在县（市、区）司法局）提出，' +
  '可在本页在线提出，也可到法律援助中心窗口或拨打 12348 提出。司法行政部门应当自收到异议之日起五日内进行审查，' +
  '作出维持法律援助机构决定或者责令法律援助机构改正的决定；对维持决定不服的，可以依法申请行政复议或者提起行政诉讼（法律援助法第四十九条）。'
