// Roles are explicit: admin is not a superset of the others; each route lists who may call it.
import type { StaffRole } from '../../../shared/types/staff'

export function hasRole(role: StaffRole, allowed: readonly StaffRole[] | undefined): boolean {
  return !allowed || allowed.length === 0 || allowed.includes(role)
}
