import { BILLING_ROUTES, type BillingDetails, type UpdateBillingDetailsRequest } from '@apilink/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { creditsKeys } from './credits-keys';

export function updateBillingDetails(body: UpdateBillingDetailsRequest): Promise<BillingDetails> {
  return apiRequest<BillingDetails>(BILLING_ROUTES.details, { method: 'PUT', body });
}

export function useUpdateBillingDetails() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateBillingDetails,
    onSuccess: (details) => queryClient.setQueryData(creditsKeys.details(), details),
  });
}
