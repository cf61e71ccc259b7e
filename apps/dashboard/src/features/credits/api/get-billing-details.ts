import { BILLING_ROUTES, type BillingDetails } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { creditsKeys } from './credits-keys';

export const billingDetailsQueryOptions = () =>
  queryOptions({
    queryKey: creditsKeys.details(),
    queryFn: ({ signal }) => apiRequest<BillingDetails>(BILLING_ROUTES.details, { signal }),
  });

export function useBillingDetails() {
  return useQuery(billingDetailsQueryOptions());
}
