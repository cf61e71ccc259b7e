import { KEY_ROUTES, type CreateApiKeyRequest, type CreatedApiKey } from '@apilink/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { keysKeys } from './list-keys';

export function createKey(body: CreateApiKeyRequest): Promise<CreatedApiKey> {
  return apiRequest<CreatedApiKey>(KEY_ROUTES.create, { method: 'POST', body });
}

export function useCreateKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keysKeys.all }),
  });
}
