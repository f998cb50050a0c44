/**
 * 法律援助申请 DTOs: what the applicant's status page and the review console receive.
 * Personal values appear masked unless a DTO says otherwise (RevealDto, after an audited reveal).
 */
import type { MatterCode, ScreeningInput } from '../schemas/eligibility'
import type { AgentRelationCode, RevealField } from '../schemas/applications'
import type { ScreeningOutcome, ScreeningResultDto } from './eligibility'

export type ApplicationStatusCode =
  | 'submitted' | 'materials_requested' | 'withdrawn' | 'provisional' | 'granted' | 'assigned' | 'refused' | 'terminated'
  | 'objection_pending' | 'objection_maintained' | 'correction_ordered'

export type DeadlineKind = 'decision' | 'redecision' | 'assign' | 'objection' | 'materials'
export type DeadlineLevel = 'ok' | 'due_soon' | 'overdue'

export interface DeadlineDto {
  kind: DeadlineKind
  /** Chinese: "作出是否给予法律援助的决定" … */
  label: string
  /** Last day, inclusive (YYYY-MM-DD, Asia/Shanghai). */
  due: string
  daysLeft: number
  level: DeadlineLevel
  /** "法律援助法第四十三条" … */
  basis: string
}

export interface ApplicationCreatedDto {
  reference: string
  status: ApplicationStatusCode
  receivedDate: string
  /** 第四十三条: decision within 7 days of receipt. */
  decisionDue: string
  urgent: boolean
  screening: { outcome: ScreeningOutcome, ruleVersion: string }
}

export interface ApplicationStatusDto {
  reference: string
  status: ApplicationStatusCode
  statusLabel: string
  receivedDate: string
  urgent: boolean
  deadlines: DeadlineDto[]
  /** The decision clock is paused while the centre waits for materials. */
  clockPaused: boolean
  materials?: { items: string[], due: string, suppliedAt: string | null }
  refusal?: { reasons: string, decidedAt: string, objectionRoute: string }
  /** 第四十八条: termination, with the statutory ground and reasons, and the 第四十九条 route. */
  termination?: { ground: number, groundLabel: string, reasons: string, decidedAt: string, objectionRoute: string }
  /** 第四十四条: aid was given before the decision. */
  provisional?: { startedAt: string, groundLabel: string }
  objection?: { subject: 'refusal' | 'termination', filedAt: string, due: string, decision: 'maintain' | 'correct' | null, reasons: string | null, decidedAt: string | null }
  assignment?: { lawyer: string, firm: string, assignedAt: string }
  canSupplyMaterials: boolean
  canObject: boolean
}

export interface ReviewQueueItemDto {
  id: string
  reference: string
  /** 张* */
  nameMasked: string
  status: ApplicationStatusCode
  statusLabel: string
  urgent: boolean
  matter: MatterCode | null
  matterLabel: string
  receivedDate: string
  screeningOutcome: ScreeningOutcome
  /** The deadline that matters now (null for finished applications). */
  deadline: DeadlineDto | null
  version: number
}

export interface ApplicationDetailDto extends ReviewQueueItemDto {
  applicant: { name: string, idNumberMasked: string, phoneMasked: string, address: string, age: number }
  agent: { relation: AgentRelationCode, relationLabel: string, name: string, phoneMasked: string } | null
  matterSummary: string
  sensitiveConsent: boolean
  screening: { input: ScreeningInput, result: ScreeningResultDto, ruleVersion: string }
  deadlines: DeadlineDto[]
  clockPaused: boolean
  materials: { items: string[], requestedAt: string, due: string, suppliedAt: string | null, note: string | null } | null
  decision: { decidedAt: string, refusalReasons: string | null } | null
  assignment: { lawyer: string, firm: string, assignedAt: string } | null
  provisional: { startedAt: string, ground: number, groundLabel: string } | null
  termination: { terminatedAt: string, ground: number, groundLabel: string, reasons: string } | null
  objection: { subject: 'refusal' | 'termination', filedAt: string, reason: string, due: string, decision: 'maintain' | 'correct' | null, reasons: string | null, decidedAt: string | null } | null
  /** Actions the state machine allows now, for the role asking (the centre's reviewer or the 司法行政部门). */
  allowed: { requestMaterials: boolean, decide: boolean, assign: boolean, startProvisional: boolean, terminate: boolean, decideObjection: boolean }
}

export interface RevealDto { field: RevealField, value: string }

export interface HardshipStandardAdminDto {
  id: string
  county: string
  countyLabel: string
  residence: string
  residenceLabel: string
  dibaoMonthly: number
  multiplier: number
  thresholdMonthly: number
  effectiveFrom: string
  effectiveTo: string | null
  source: string
  note: string | null
  demo: boolean
  createdAt: string
  createdBy: string | null
}
