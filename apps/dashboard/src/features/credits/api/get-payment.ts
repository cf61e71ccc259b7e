import { BILLING_ROUTES, type Payment } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { creditsKeys } from './credits-keys';

/** Stripe confirms by webhook, which can land after the browser returns: poll while pending. */
export const paymentQueryOptions = (paymentId: string) =>
  queryOptions({
    queryKey: creditsKeys.payment(paymentId),
    queryFn: ({ signal }) => apiRequest<Payment>(BILLING_ROUTES.payment(paymentId), { signal }),
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 1500 : false),
  });

export function usePayment(paymentId: string | null) {
  return useQuery({ ...paymentQueryOptions(paymentId ?? ''), enabled: paymentId !== null });
}
