/**
 * The status of a legal-aid application as a state machine (the database CHECK lists the same
 * statuses). Framework-free; errors are DomainError codes.
 *
 *   submitted ──request_materials──▶ materials_requested ──supply_materials──▶ submitted
 *       │                                   └──expire_materials──▶ withdrawn (视为撤回, 第四十三条第二款)
 *       ├──start_provisional──▶ provisional (先行提供法律援助, 第四十四条; lawyer assigned at once)
 *       │                           ├──grant──▶ assigned      (the formal decision confirms the aid)
 *       │                           └──refuse──▶ refused      (the aid given so far stops)
 *       ├──grant──▶ granted ──assign──▶ assigned
 *       └──refuse──▶ refused ──object──▶ objection_pending
 *
 *   granted / assigned / provisional ──terminate──▶ terminated (终止, 第四十八条, with reasons) ──object──▶ objection_pending
 *
 *   objection_pending (decided by the 司法行政部门, 第四十九条):
 *       ──maintain──▶ objection_maintained (行政复议或者行政诉讼 remain open to the applicant)
 *       ──order_correction──▶ correction_ordered (责令改正: the CENTRE decides again — not a grant)
 *   correction_ordered ──grant──▶ granted | ──refuse──▶ refused | ──terminate──▶ terminated
 */
import { DomainError } from '../errors'

export const APPLICATION_STATUSES = [
  'submitted', 'materials_requested', 'withdrawn', 'provisional', 'granted', 'assigned', 'refused', 'terminated',
  'objection_pending', 'objection_maintained', 'correction_ordered',
] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]

export const APPLICATION_ACTIONS = [
  'request_materials', 'supply_materials', 'expire_materials', 'start_provisional', 'grant', 'refuse', 'assign', 'terminate',
  'object', 'maintain', 'order_correction',
] as const
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number]

export const TRANSITIONS: Readonly<Record<ApplicationStatus, Partial<Record<ApplicationAction, ApplicationStatus>>>> = {
  submitted: { request_materials: 'materials_requested', start_provisional: 'provisional', grant: 'granted', refuse: 'refused' },
  materials_requested: { supply_materials: 'submitted', expire_materials: 'withdrawn' },
  withdrawn: {},
  provisional: { grant: 'assigned', refuse: 'refused', terminate: 'terminated' },
  granted: { assign: 'assigned', terminate: 'terminated' },
  assigned: { terminate: 'terminated' },
  refused: { object: 'objection_pending' },
  terminated: { object: 'objection_pending' },
  objection_pending: { maintain: 'objection_maintained', order_correction: 'correction_ordered' },
  objection_maintained: {},
  correction_ordered: { grant: 'granted', refuse: 'refused', terminate: 'terminated' },
}

/** Statuses that still need the centre's work (the review queue). */
export const OPEN_STATUSES: readonly ApplicationStatus[] = ['submitted', 'materials_requested', 'provisional', 'granted', 'objection_pending', 'correction_ordered']
/** Statuses that need the 司法行政部门 (the justice bureau's queue). */
export const OBJECTION_STATUSES: readonly ApplicationStatus[] = ['objection_pending']

const actionMessages: Record<ApplicationAction, string> = {
  request_materials: '当前状态不能要求补充材料',
  supply_materials: '当前没有需要补充的材料',
  expire_materials: '当前没有等待补充的材料',
  start_provisional: '只有已受理、尚未作出决定的申请才能先行提供法律援助',
  grant: '该申请已作出决定或正在等待补充材料，不能再作决定',
  refuse: '该申请已作出决定或正在等待补充材料，不能再作决定',
  assign: '只有决定给予法律援助且尚未指派的申请才能指派',
  terminate: '只有正在提供法律援助的申请才能终止',
  object: '只有不予法律援助或终止法律援助的决定才能提出异议',
  maintain: '当前没有待审查的异议',
  order_correction: '当前没有待审查的异议',
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
  provisional: '已先行提供法律援助，待补办手续后作出决定',
  granted: '决定给予法律援助，待指派',
  assigned: '已指派承办人员',
  refused: '决定不予法律援助',
  terminated: '已终止法律援助',
  objection_pending: '异议审查中（司法行政部门）',
  objection_maintained: '异议审查：维持法律援助机构的决定',
  correction_ordered: '司法行政部门责令改正，法律援助机构重新作出决定中',
}

export function isStatus(v: string): v is ApplicationStatus {
  return (APPLICATION_STATUSES as readonly string[]).includes(v)
}

export { PROVISIONAL_GROUNDS, TERMINATION_GROUNDS, type ProvisionalGround, type TerminationGround } from '../../../shared/domain/applications/grounds'
