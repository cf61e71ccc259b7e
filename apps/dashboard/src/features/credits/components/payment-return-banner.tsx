/** What the customer sees on coming back from checkout (`/credits?payment=success&payment_id=…`). */
import { PAYMENT_ID_RETURN_PARAM, PAYMENT_RETURN_PARAM } from '@apilink/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert } from '../../../components/alert';
import { ErrorDetail } from '../../../components/query-state';
import { formatUsd } from '../../../lib/format';
import { balanceKey } from '../../../hooks/use-balance';
import { creditsKeys } from '../api/credits-keys';
import { usePayment } from '../api/get-payment';

export function PaymentReturnBanner() {
  const [params, setParams] = useSearchParams();
  const outcome = params.get(PAYMENT_RETURN_PARAM);
  const paymentId = params.get(PAYMENT_ID_RETURN_PARAM);
  const payment = usePayment(outcome === 'success' ? paymentId : null);
  const queryClient = useQueryClient();
  const status = payment.data?.status;

  // Once the payment is confirmed, the balance, history and invoices all changed.
  useEffect(() => {
    if (status !== 'completed') return;
    void queryClient.invalidateQueries({ queryKey: balanceKey });
    void queryClient.invalidateQueries({ queryKey: creditsKeys.all, predicate: (query) => query.queryKey[1] !== 'payment' });
  }, [status, queryClient]);

  if (!outcome) return null;
  const dismiss = (
    <button type="button" className="link-button" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
      Dismiss
    </button>
  );

  if (outcome === 'cancelled') {
    return (
      <Alert tone="warning" title="Payment cancelled">
        No money was taken and your balance is unchanged. {dismiss}
      </Alert>
    );
  }
  if (payment.error) {
    return (
      <Alert tone="error" title="We could not check your payment">
        <ErrorDetail error={payment.error} /> {dismiss}
      </Alert>
    );
  }
  if (!payment.data || status === 'pending') {
    return (
      <Alert tone="info" title="Confirming your payment…">
        This usually takes a few seconds. Your balance updates by itself.
      </Alert>
    );
  }
  if (status === 'completed') {
    return (
      <Alert tone="success" title="Payment received">
        {formatUsd(payment.data.amount.micros)} was added to your balance. Your invoice is in the payment history below. {dismiss}
      </Alert>
    );
  }
  return (
    <Alert tone="error" title="The payment did not go through">
      Nothing was charged. You can try again with another amount or card. {dismiss}
    </Alert>
  );
}
