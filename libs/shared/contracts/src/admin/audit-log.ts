/** The append-only audit log of staff and operator actions, as admins read it. */
import type { UserRole } from '../auth/account';

/** Actions the API writes; other writers (CLI, jobs) may add their own names in the same style. */
export const AUDIT_ACTIONS = {
  CreditAdjusted: 'credits.adjust',
  CreditGranted: 'credits.grant',
  KeyRevoked: 'api_key.revoked',
  UserCreated: 'user.created',
  UserDisabled: 'user.disabled',
  UserEnabled: 'user.enabled',
  UserRoleChanged: 'user.role_changed',
  UserPasswordReset: 'user.password_reset',
  UpstreamCreated: 'upstream.created',
  UpstreamUpdated: 'upstream.updated',
  UpstreamDisabled: 'upstream.disabled',
  UpstreamEnabled: 'upstream.enabled',
  UpstreamDeleted: 'upstream.deleted',
  ModelActivated: 'model.activated',
  ModelDeactivated: 'model.deactivated',
  ModelPriceChanged: 'model.price_changed',
  ModelUpdated: 'model.updated',
} as const;
export type KnownAuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];

export const AUDIT_TARGET_TYPES = ['user', 'api_key', 'upstream_account', 'model'] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

export interface AuditActorView {
  /** `user`: a staff member through the API; `system`: the operator CLI or a job. */
  type: 'user' | 'system';
  /** Null for system actors. */
  userId: string | null;
  /** The user's email when they acted, or the system actor's name (`cli`). */
  label: string;
  role: UserRole | null;
}

export interface AuditLogEntry {
  id: string;
  actor: AuditActorView;
  action: string;
  targetType: string;
  targetId: string | null;
  /** State before and after the change; money as micro-USD strings, secrets never included. */
  before: unknown;
  after: unknown;
  reason: string | null;
  /** The X-Request-Id of the API call that made the change. */
  requestId: string | null;
  createdAt: string;
}

/** Query string of `GET /api/admin/audit-log`; every filter optional, combined with AND. */
export interface AuditLogQuery {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  /** ISO 8601, inclusive. */
  from?: string;
  /** ISO 8601, exclusive. */
  to?: string;
  page?: number;
  pageSize?: number;
}
