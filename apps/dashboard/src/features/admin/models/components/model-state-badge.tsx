import type { AdminModel } from '@apilink/contracts';
import { Badge } from '../../../../components/badge';

/** Served means enabled, priced and routed; when an enabled model is not served the badge says what is missing. */
export function ModelStateBadge({ model }: { model: Pick<AdminModel, 'enabled' | 'active' | 'upstreams' | 'currentPrice'> }) {
  if (!model.enabled) return <Badge tone="neutral">Deactivated</Badge>;
  if (model.active) return <Badge tone="success">Served</Badge>;
  if (model.upstreams.length === 0) return <Badge tone="warning">No upstream</Badge>;
  if (!model.currentPrice) return <Badge tone="warning">No price</Badge>;
  return <Badge tone="warning">Not served</Badge>;
}
