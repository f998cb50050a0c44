/**
 * Pure decisions on one application: given its current state, the day and the request, what
 * changes. No database, no framework: the service applies the patch with the version check.
 */
import { DomainError } from '../errors'
import {
  ASSIGN_DAYS, DECISION_DAYS, OBJECTION_DAYS, deadlineState, dueDate, materialsDueDate, pausedDaysLeft, resumedDecisionDue,
} from './clock'
import { nextStatus, PROVISIONAL_GROUNDS, TERMINATION_GROUNDS, type ApplicationStatus, type ProvisionalGround, type TerminationGround } from './state'
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
  decidedAt?: Date | null
  terminatedAt?: Date | null
  objectionSubject?: string | null
}

/** Written reasons: refusals (第四十三条第一款), terminations (第四十八条), objection decisions (第四十九条). */
export const MIN_REASONS = 10

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
    materialsDue: materialsDueDate(today),
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

/** After 责令改正 the centre decides again on what the objection was about (a refusal or a termination). */
function checkRedecision(a: ApplicationState, action: 'grant' | 'refuse' | 'terminate'): void {
  if (a.status !== 'correction_ordered') return
  const bad = (a.objectionSubject === 'refusal' && action === 'terminate') || (a.objectionSubject === 'termination' && action === 'refuse')
  if (bad) {
    throw new DomainError('INVALID_TRANSITION', { status: a.status, action }, a.objectionSubject === 'refusal'
      ? '责令改正的是不予法律援助的决定：请重新决定给予或不予法律援助'
      : '责令改正的是终止法律援助的决定：请决定恢复法律援助或重新作出终止决定')
  }
}

/**
 * Grant (第四十三条第一款: the 3-day assignment clock starts). After aid given before the decision
 * (第四十四条) the lawyer is already at work: the grant confirms it and the application is assigned.
 */
export function grant(a: ApplicationState, now: Date, today: string, actorId: string): Patch {
  checkRedecision(a, 'grant')
  const to = nextStatus(status(a), 'grant')
  const patch: Patch = { status: to, decidedAt: now, decidedBy: actorId, refusalReasons: null }
  if (to === 'granted') patch.assignDue = dueDate(today, ASSIGN_DAYS)
  return patch
}

/** Refusal: in writing, with reasons (第四十三条第一款). */
export function refuse(a: ApplicationState, reasons: string, now: Date, actorId: string): Patch {
  if (reasons.trim().length < MIN_REASONS) throw new DomainError('REASONS_REQUIRED', undefined, '不予法律援助应当书面说明理由（至少 10 个字）')
  checkRedecision(a, 'refuse')
  return { status: nextStatus(status(a), 'refuse'), decidedAt: now, decidedBy: actorId, refusalReasons: reasons.trim() }
}

/** 第四十四条: aid before the decision, with the ground and the lawyer who starts at once. */
export function startProvisional(a: ApplicationState, ground: ProvisionalGround, lawyer: string, firm: string, now: Date, actorId: string): Patch {
  if (!(ground in PROVISIONAL_GROUNDS)) throw new DomainError('GROUND_INVALID', { article: 44 }, '请选择第四十四条第一款规定的情形')
  return {
    status: nextStatus(status(a), 'start_provisional'),
    provisionalAt: now, provisionalBy: actorId, provisionalGround: ground,
    assignedAt: now, assignedBy: actorId, assigneeLawyer: lawyer, assigneeFirm: firm,
  }
}

/** 第四十八条: termination, on a statutory ground, with written reasons; objectionable under 第四十九条. */
export function terminate(a: ApplicationState, ground: TerminationGround, reasons: string, now: Date, actorId: string): Patch {
  if (!(ground in TERMINATION_GROUNDS)) throw new DomainError('GROUND_INVALID', { article: 48 }, '请选择第四十八条第一款规定的情形')
  if (reasons.trim().length < MIN_REASONS) throw new DomainError('REASONS_REQUIRED', undefined, '终止法律援助应当说明理由（至少 10 个字）')
  checkRedecision(a, 'terminate')
  return { status: nextStatus(status(a), 'terminate'), terminatedAt: now, terminatedBy: actorId, terminationGround: ground, terminationReasons: reasons.trim() }
}

export function assign(a: ApplicationState, now: Date, actorId: string, lawyer: string, firm: string): Patch {
  return { status: nextStatus(status(a), 'assign'), assignedAt: now, assignedBy: actorId, assigneeLawyer: lawyer, assigneeFirm: firm }
}

/** The decision an objection would be about: the latest refusal or termination. */
function lastDecisionAt(a: ApplicationState): Date | null {
  const times = [a.decidedAt, a.terminatedAt].filter((d): d is Date => d instanceof Date)
  return times.length ? new Date(Math.max(...times.map(d => d.getTime()))) : null
}

/**
 * 第四十九条第一款: an objection to a refusal or a termination, to the 司法行政部门. One objection per
 * decision: a new refusal or termination after 责令改正 can be objected to again.
 */
export function object(a: ApplicationState, now: Date, today: string): Patch {
  const last = lastDecisionAt(a)
  if (a.objectionAt && (!last || a.objectionAt.getTime() >= last.getTime())) {
    throw new DomainError('OBJECTION_ALREADY_FILED')
  }
  const subject = a.status === 'terminated' ? 'termination' : 'refusal'
  return {
    status: nextStatus(status(a), 'object'), objectionAt: now, objectionDue: dueDate(today, OBJECTION_DAYS), objectionSubject: subject,
    objectionDecision: null, objectionDecisionReasons: null, objectionDecidedAt: null, objectionDecidedBy: null,
  }
}

/**
 * 第四十九条第二款: the 司法行政部门 decides within 5 days — 维持 the centre's decision, or 责令改正:
 * the centre must decide again (a new 7-day period, as for a new application: local reading, the
 * law sets none). It is NOT a grant.
 */
export function decideObjection(a: ApplicationState, decision: 'maintain' | 'correct', reasons: string, now: Date, today: string, actorId: string): Patch {
  if (reasons.trim().length < MIN_REASONS) throw new DomainError('REASONS_REQUIRED', undefined, '异议审查意见至少 10 个字')
  const to = nextStatus(status(a), decision === 'maintain' ? 'maintain' : 'order_correction')
  const patch: Patch = { status: to, objectionDecision: decision, objectionDecisionReasons: reasons.trim(), objectionDecidedAt: now, objectionDecidedBy: actorId }
  if (decision === 'correct') patch.decisionDue = dueDate(today, DECISION_DAYS)
  return patch
}

const DEADLINE_TEXT: Record<DeadlineKind, { label: string, basis: string }> = {
  decision: { label: '法律援助机构作出是否给予法律援助的决定', basis: '法律援助法第四十三条第一款' },
  assign: { label: '法律援助机构指派承办人员', basis: '法律援助法第四十三条第一款' },
  objection: { label: '司法行政部门对异议作出审查决定', basis: '法律援助法第四十九条第二款' },
  redecision: { label: '法律援助机构按责令改正重新作出决定', basis: '法律援助法第四十九条第二款（期限参照第四十三条第一款的七日，本中心规定）' },
  // The 15 days are the centre's own rule: the law (第四十三条第二款) sets no number of days, only
  // that materials not supplied as asked count as a withdrawal.
  materials: {
    label: '申请人补充材料（逾期视为撤回申请）',
    basis: '本中心规定的期限（法律援助法第四十三条第二款未规定天数）；最后一日是法定休假日的，顺延到休假日结束的次日（民法典第二百零三条）',
  },
}

function deadline(kind: DeadlineKind, due: string, today: string): DeadlineDto {
  return { kind, ...DEADLINE_TEXT[kind], ...deadlineState(due, today) }
}

/** The clocks running now (normally one). */
export function runningDeadlines(a: ApplicationState, today: string): DeadlineDto[] {
  switch (a.status) {
    case 'submitted':
    case 'provisional': return a.decisionDue ? [deadline('decision', a.decisionDue, today)] : []
    case 'correction_ordered': return a.decisionDue ? [deadline('redecision', a.decisionDue, today)] : []
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

export const TERMINATION_OBJECTION_ROUTE =
  '如对终止法律援助的决定有异议，可以向设立本法律援助机构的司法行政部门（银川市司法局或所在县（市、区）司法局）提出，' +
  '可在本页在线提出，也可到法律援助中心窗口或拨打 12348 提出。司法行政部门应当自收到异议之日起五日内进行审查，' +
  '作出维持法律援助机构决定或者责令法律援助机构改正的决定；对维持决定不服的，可以依法申请行政复议或者提起行政诉讼（法律援助法第四十九条）。'

export const OBJECTION_ROUTE =
  '如对不予法律援助的决定有异议，可以向设立本法律援助机构的司法行政部门（银川市司法局或所在县（市、区）司法局）提出，' +
  '可在本页在线提出，也可到法律援助中心窗口或拨打 12348 提出。司法行政部门应当自收到异议之日起五日内进行审查，' +
  '作出维持法律援助机构决定或者责令法律援助机构改正的决定；对维持决定不服的，可以依法申请行政复议或者提起行政诉讼（法律援助法第四十九条）。'
