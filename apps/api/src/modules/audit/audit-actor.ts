import type { UserRole } from '@apilink/contracts';
import type { Principal } from '../../common/auth/principal';

/** Who made a change: a logged-in staff member, or a named system actor (the CLI, a job). */
export type AuditActor = { type: 'user'; userId: string; email: string; role: UserRole } | { type: 'system'; name: string };

/** What every audited write carries besides its own details. */
export interface AuditContext {
  actor: AuditActor;
  requestId: string | null;
}

export const systemActor = (name: string): AuditActor => ({ type: 'system', name });

/** The audit context of an API call made with a dashboard session. */
export function auditContextOf(request: { id: string; principal?: Principal }): AuditContext {
  const principal = request.principal;
  if (principal?.kind !== 'session') throw new Error('Audited actions need a session principal');
  return {
    actor: { type: 'user', userId: principal.userId, email: principal.email, role: principal.role },
    requestId: request.id,
  };
}
