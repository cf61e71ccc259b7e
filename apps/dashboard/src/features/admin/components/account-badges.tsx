import type { AdminUserStatus, UserRole } from '@apilink/contracts';
import { Badge, type BadgeTone } from '../../../components/badge';

const ROLE: Record<UserRole, { label: string; tone: BadgeTone }> = {
  customer: { label: 'Customer', tone: 'neutral' },
  support: { label: 'Support', tone: 'info' },
  admin: { label: 'Admin', tone: 'warning' },
};

export function RoleBadge({ role }: { role: UserRole }) {
  return <Badge tone={ROLE[role].tone}>{ROLE[role].label}</Badge>;
}

export function AccountStatusBadge({ status }: { status: AdminUserStatus }) {
  return status === 'disabled' ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>;
}

/** Staff created the account and the person has not yet replaced the one-time password (their session can do nothing else). */
export function OneTimePasswordBadge() {
  return <Badge tone="info">One-time password not yet changed</Badge>;
}

export const ROLE_LABELS: Record<UserRole, string> = {
  customer: ROLE.customer.label,
  support: ROLE.support.label,
  admin: ROLE.admin.label,
};
