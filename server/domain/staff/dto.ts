// Whitelisted response shapes: never raw rows (no password hashes, no counters).
import type { AuditRow, OutboxRow, StaffUser } from '../../db/schema'
import { auditActionLabel } from '../../../shared/domain/audit/actions'
import type { AuditEntryDto, OutboxEntryDto, StaffAccountDto, StaffUserDto } from '../../../shared/types/staff'

export function toStaffUserDto(u: Pick<StaffUser, 'id' | 'username' | 'role' | 'displayName' | 'mustChangePassword'>): StaffUserDto {
  return { id: u.id, username: u.username, role: u.role, displayName: u.displayName, mustChangePassword: u.mustChangePassword }
}

export function toStaffAccountDto(u: StaffUser, now = new Date()): StaffAccountDto {
  return {
    ...toStaffUserDto(u),
    disabled: u.disabledAt !== null,
    disabledAt: u.disabledAt?.toISOString() ?? null,
    lockedUntil: u.lockedUntil && u.lockedUntil > now ? u.lockedUntil.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
  }
}

export function toAuditEntryDto(r: AuditRow, actor?: { displayName: string, username: string }): AuditEntryDto {
  return {
    id: r.id, at: r.at.toISOString(), actorId: r.actorId, actorRole: r.actorRole,
    actorName: actor ? actor.displayName || actor.username : null, actorUsername: actor?.username ?? null,
    action: r.action, actionLabel: auditActionLabel(r.action),
    objectType: r.objectType, objectId: r.objectId, purpose: r.purpose,
    outcome: r.outcome as AuditEntryDto['outcome'], detail: r.detail ?? null,
  }
}

export function toOutboxEntryDto(r: OutboxRow): OutboxEntryDto {
  return {
    id: r.id, indexName: r.indexName, docId: r.docId, status: r.status, attempts: r.attempts,
    lastError: r.lastError, updatedAt: r.updatedAt.toISOString(),
  }
}
