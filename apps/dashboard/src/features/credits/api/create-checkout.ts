import { BILLING_ROUTES, dashboardTestCheckoutPage, type CreateCheckoutRequest, type CreateCheckoutResponse } from '@apilink/contracts';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { apiRequest } from '../../../lib/api-client';

export function createCheckout(body: CreateCheckoutRequest): Promise<CreateCheckoutResponse> {
  return apiRequest<CreateCheckoutResponse>(BILLING_ROUTES.checkout, { method: 'POST', body });
}

/** Starts a top-up and sends the browser to the checkout page: Stripe's, or the test one. */
export function useCreateCheckout() {
  const navigate = useNavigate();
  return useMutation({
    mutationFn: createCheckout,
    onSuccess: ({ checkoutUrl, provider, paymentId }) => {
      // The test checkout is a page of this app: stay on this origin even when the API's
      // PUBLIC_URL names another host (a proxy, a dev port), and skip a full reload.
      if (provider === 'test') navigate(dashboardTestCheckoutPage(paymentId));
      else window.location.assign(checkoutUrl);
    },
  });
}
