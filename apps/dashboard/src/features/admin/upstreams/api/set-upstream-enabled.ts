import { ADMIN_ROUTES, type UpstreamAccount } from '@apilink/contracts';
import { apiRequest } from '../../../../lib/api-client';
import { useStaffMutation } from '../../use-staff-mutation';

/** Disabling stops routing to the account on every instance; nothing is deleted. */
export function setUpstreamEnabled({ id, enabled, reason }: { id: string; enabled: boolean; reason?: string }): Promise<UpstreamAccount> {
  const path = enabled ? ADMIN_ROUTES.enableUpstream(id) : ADMIN_ROUTES.disableUpstream(id);
  return apiRequest<UpstreamAccount>(path, { method: 'POST', body: { reason } });
}

export function useSetUpstreamEnabled() {
  return useStaffMutation(setUpstreamEnabled);
}
