import type { ApiKeyStatus } from '@apilink/contracts';
import { Badge, type BadgeTone } from './badge';

// Customers and staff both list keys; one map keeps the wording and colours in step.
const STATUS: Record<ApiKeyStatus, { label: string; tone: BadgeTone }> = {
  active: { label: 'Active', tone: 'success' },
  revoked: { label: 'Revoked', tone: 'danger' },
  expired: { label: 'Expired', tone: 'warning' },
};

export function ApiKeyStatusBadge({ status }: { status: ApiKeyStatus }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}
