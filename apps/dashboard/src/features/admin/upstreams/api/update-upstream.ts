import { ADMIN_ROUTES, type UpdateUpstreamAccountRequest, type UpstreamAccount } from '@apilink/contracts';
import { apiRequest } from '../../../../lib/api-client';
import { useStaffMutation } from '../../use-staff-mutation';

/** Omitted fields stay as they are; an `apiKey` rotates the key; `models` replaces the whole route list. */
export function updateUpstream({ id, body }: { id: string; body: UpdateUpstreamAccountRequest }): Promise<UpstreamAccount> {
  return apiRequest<UpstreamAccount>(ADMIN_ROUTES.upstream(id), { method: 'PATCH', body });
}

export function useUpdateUpstream() {
  return useStaffMutation(updateUpstream);
}
