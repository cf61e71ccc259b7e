import type { UsageStatus } from '@apilink/contracts';
import { Badge, type BadgeTone } from '../../../components/badge';

const STATUS: Record<UsageStatus, { label: string; tone: BadgeTone }> = {
  success: { label: 'Success', tone: 'success' },
  client_closed: { label: 'Client closed', tone: 'warning' },
  upstream_error: { label: 'Upstream error', tone: 'danger' },
  timeout: { label: 'Timed out', tone: 'danger' },
  error: { label: 'Error', tone: 'danger' },
  expired: { label: 'Expired', tone: 'neutral' },
};

export function RequestStatusBadge({ status }: { status: UsageStatus }) {
  const entry = STATUS[status] ?? { label: status, tone: 'neutral' as const };
  return <Badge tone={entry.tone}>{entry.label}</Badge>;
}
