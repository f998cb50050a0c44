/**
 * Who acts: the one Actor type of the portal (a signed-in staff member, as the session resolves
 * it). Services take `actor` last (`verbNoun(deps, input, actor?)`) and need only its id (audit)
 * and role (policy), so they accept any `ActorRef`; the audit also knows the command line, the
 * system and nobody (a failed login).
 */
import type { StaffRole } from '../../../shared/types/staff'

export interface Actor {
  id: string
  role: StaffRole
  username: string
}

/** What a service needs of an Actor. Every Actor is an ActorRef. */
export type ActorRef = Pick<Actor, 'id' | 'role'> & Partial<Pick<Actor, 'username'>>

/** Who did it, for the audit log. */
export type AuditActor = ActorRef | 'cli' | 'system' | null

/** The audit's copy of an actor: id and role only. */
export const auditActorOf = (a: ActorRef): AuditActor => ({ id: a.id, role: a.role })
