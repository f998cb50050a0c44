/**
 * The status of a legal-aid application as a state machine (the database CHECK lists the same
 * statuses). Framework-free; errors are DomainError codes.
 *
 *   submitted ──request_materials──▶ materials_requested ──supply_materials──▶ submitted
 *       │                                   └──expire_materials──▶ withdrawn (视为撤回)
 *       ├──grant──▶ granted ──assign──▶ assigned
 *       └──refuse──▶ refused ──object──▶ objection_pending ──maintain_refusal──▶ objection_maintained
 *                                                  └──correct_refusal──▶ granted (责令改正)
 */
import { DomainError } from '../errors'

export const APPLICATION_STATUSES = [
  'submitted', 'materials_requested', 'withdrawn', 'granted', 'assigned', 'refused', 'objection_pending', 'objection_maintained',
] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]

export const APPLICATION_ACTIONS = [
  'request_materials', 'supply_materials', 'expire_materials', 'grant', 'refuse', 'assign', 'object', 'maintain_refusal', 'correct_refusal',
] as const
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number]

export const TRANSITIONS: Readonly<Record<ApplicationStatus, Partial<Record<ApplicationAction, ApplicationStatus>>>> = {
  submitted: { request_materials: 'materials_requested', grant: 'granted', refuse: 'refused' },
  materials_requested: { supply_materials: 'submitted', expire_materials: 'withdrawn' },
  withdrawn: {},
  granted: { assign: 'assigned' },
  assigned: {},
  refused: { object: 'objection_pending' },
  objection_pending: { maintain_refusal: 'objection_maintained', correct_refusal: 'granted' },
  objection_maintained: {},
}

/** Statuses that still need staff work (the review queue). */
export const OPEN_STATUSES: readonly ApplicationStatus[] = ['submitted', 'materials_requested', 'granted', 'objection_pending']

const actionMessages: Record<ApplicationAction, string> = {
  request_materials: '当前状态不能要求补充材料',
  supply_materials: '当前没有需要补充的材料',
  expire_materials: '当前没有等待补充的材料',
  grant: '该申请已作出决定或正在等待补充材料，不能再作决定',
  refuse: '该申请已作出决定或正在等待补充材料，不能再作决定',
  assign: '只有决定给予法律援助且尚未指派的申请才能指派',
  object: '只有不予法律援助的决定才能提出异议',
  maintain_refusal: '当前没有待审查的异议',
  correct_refusal: '当前没有待审查的异议',
}

export function canTransition(from: ApplicationStatus, action: ApplicationAction): boolean {
  return TRANSITIONS[from][action] !== undefined
}

export function nextStatus(from: ApplicationStatus, action: ApplicationAction): ApplicationStatus {
  const to = TRANSITIONS[from][action]
  if (!to) throw new DomainError('INVALID_TRANSITION', { status: from, action }, actionMessages[action])
  return to
}

export const statusLabels: Record<ApplicationStatus, string> = {
  submitted: '已受理，审查中',
  materials_requested: '等待补充材料',
  withdrawn: '视为撤回（未按期补充材料）',
  granted: '决定给予法律援助，待指派',
  assigned: '已指派承办人员',
  refused: '决定不予法律援助',
  objection_pending: '异议审查中',
  objection_maintained: '异议审查：维持不予法律援助的决定',
}

export function isStatus(v: string): v is ApplicationStatus {
  return (APPLICATION_STATUSES as readonly string[]).includes(v)
}
