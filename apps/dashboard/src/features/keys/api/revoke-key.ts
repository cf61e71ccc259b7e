import { KEY_ROUTES, type ApiKeySummary } from '@apilink/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { keysKeys } from './list-keys';

export function revokeKey(id: string): Promise<ApiKeySummary> {
  return apiRequest<ApiKeySummary>(KEY_ROUTES.revoke(id), { method: 'POST' });
}

export function useRevokeKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keysKeys.all }),
  });
}
