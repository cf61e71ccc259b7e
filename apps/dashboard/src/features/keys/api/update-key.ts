import { KEY_ROUTES, type ApiKeySummary, type UpdateApiKeyRequest } from '@apilink/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { keysKeys } from './list-keys';

export function updateKey({ id, body }: { id: string; body: UpdateApiKeyRequest }): Promise<ApiKeySummary> {
  return apiRequest<ApiKeySummary>(KEY_ROUTES.update(id), { method: 'PATCH', body });
}

export function useUpdateKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keysKeys.all }),
  });
}
