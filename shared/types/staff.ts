// Staff DTOs and role names, shared by the console pages and the API.
export const STAFF_ROLES = ['operator', 'reviewer', 'editor', 'admin', 'supervisor', 'justice_bureau'] as const
export type StaffRole = typeof STAFF_ROLES[number]

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  operator: '12348 坐席',
  reviewer: '法律援助审查',
  editor: '案例编辑',
  admin: '管理员',
  supervisor: '12348 值班主管',
  /** 司法行政部门 (法律援助法第四十九条): decides objections to the centre's refusals and terminations. */
  justice_bureau: '司法行政部门（异议审查）',
}

export interface StaffUserDto {
  id: string
  username: string
  role: StaffRole
  displayName: string
  /** An administrator reset the password: the member must set a new one before anything else. */
  mustChangePassword: boolean
}

export interface MeDto { user: StaffUserDto }
export type LoginResultDto = MeDto

export interface StaffAccountDto extends StaffUserDto {
  disabled: boolean
  disabledAt: string | null
  lockedUntil: string | null
  createdAt: string
}

export interface AuditEntryDto {
  id: number
  /** ISO 8601, UTC */
  at: string
  actorId: string | null
  actorRole: string | null
  /** Display name and username of the staff member (null for system, CLI and unknown actors). */
  actorName: string | null
  actorUsername: string | null
  action: string
  /** The action in words (shared/domain/audit/actions.ts). */
  actionLabel: string
  objectType: string | null
  objectId: string | null
  purpose: string | null
  outcome: 'ok' | 'denied' | 'failed'
  detail: Record<string, unknown> | null
}

export interface Page<T> { items: T[], page: number, limit: number, total: number }

export interface OutboxEntryDto {
  id: number
  indexName: string
  docId: string
  status: string
  attempts: number
  lastError: string | null
  updatedAt: string
}

/**
 * The one-time answer a console form without JavaScript leaves for the page it redirects to:
 * sealed by the server (server/utils/staff-form.ts), read by the page (useStaffFlash).
 */
export interface StaffFlash {
  /** Which form on the page the flash belongs to. */
  form: string
  notice?: string
  /** Catalogue code and its (possibly more precise) Chinese message. */
  error?: { code: string, message: string }
  /** Field name → message, for validation errors. */
  fields?: Record<string, string>
  /** What was typed (no password fields), to fill the form again. */
  values?: Record<string, string | string[]>
  /** A staff reveal's result (name and phone of one record, already audited): shown once, never put in a URL. */
  revealed?: { id: string, name: string | null, phone: string }
  /** A one-time result for the page (e.g. a masked look-up, a number revealed for dialing): sealed, never in the URL. */
  data?: Record<string, unknown>
}
