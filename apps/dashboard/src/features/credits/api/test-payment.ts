/** The labelled test-payment flow: no real money, used when Stripe is not configured. */
import { BILLING_ROUTES, type TestPaymentView } from '@apilink/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { balanceKey } from '../../../hooks/use-balance';
import { creditsKeys } from './credits-keys';

export const testPaymentQueryOptions = (paymentId: string) =>
  queryOptions({
    queryKey: creditsKeys.testPayment(paymentId),
    queryFn: ({ signal }) => apiRequest<TestPaymentView>(BILLING_ROUTES.testPayment(paymentId), { signal }),
  });

export function useTestPayment(paymentId: string) {
  return useQuery(testPaymentQueryOptions(paymentId));
}

export function useFinishTestPayment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ paymentId, outcome }: { paymentId: string; outcome: 'complete' | 'cancel' }) =>
      apiRequest<unknown>(
        outcome === 'complete' ? BILLING_ROUTES.completeTestPayment(paymentId) : BILLING_ROUTES.cancelTestPayment(paymentId),
        {
          method: 'POST',
        },
      ),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: balanceKey }), queryClient.invalidateQueries({ queryKey: creditsKeys.all })]),
  });
}
