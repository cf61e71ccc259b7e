import { ADMIN_ROUTES, type CreateUpstreamAccountRequest, type UpstreamAccount } from '@apilink/contracts';
import { apiRequest } from '../../../../lib/api-client';
import { useStaffMutation } from '../../use-staff-mutation';

export function createUpstream(body: CreateUpstreamAccountRequest): Promise<UpstreamAccount> {
  return apiRequest<UpstreamAccount>(ADMIN_ROUTES.upstreams, { method: 'POST', body });
}

export function useCreateUpstream() {
  return useStaffMutation(createUpstream);
}
