import type { UsageStatus } from '@apilink/contracts';
import { Badge, type BadgeTone } from './badge';

// Customer usage pages and staff request pages show the same status vocabulary, so it lives here once.
export const USAGE_STATUS_LABELS: Record<UsageStatus, { label: string; tone: BadgeTone }> = {
  success: { label: 'Success', tone: 'success' },
  client_closed: { label: 'Client closed', tone: 'warning' },
  upstream_error: { label: 'Upstream error', tone: 'danger' },
  timeout: { label: 'Timed out', tone: 'danger' },
  error: { label: 'Error', tone: 'danger' },
  expired: { label: 'Expired', tone: 'neutral' },
  refused: { label: 'Refused', tone: 'warning' },
};

export function UsageStatusBadge({ status }: { status: UsageStatus }) {
  const entry = USAGE_STATUS_LABELS[status] ?? { label: status, tone: 'neutral' as const };
  return <Badge tone={entry.tone}>{entry.label}</Badge>;
}
