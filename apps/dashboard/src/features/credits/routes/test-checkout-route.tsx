/** The test-payment provider's checkout page: stands in for Stripe Checkout when Stripe is not configured. */
import { DASHBOARD_CREDITS_PAGE, PAYMENT_ID_RETURN_PARAM, PAYMENT_RETURN_PARAM } from '@apilink/contracts';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert } from '../../../components/alert';
import { Card } from '../../../components/card';
import { PageHeader } from '../../../components/page-header';
import { ErrorDetail, ErrorState, LoadingState } from '../../../components/query-state';
import { formatUsd } from '../../../lib/format';
import { useFinishTestPayment, useTestPayment } from '../api/test-payment';

export function TestCheckoutRoute() {
  const { paymentId = '' } = useParams();
  const payment = useTestPayment(paymentId);
  const finish = useFinishTestPayment();
  const navigate = useNavigate();

  const conclude = (outcome: 'complete' | 'cancel') =>
    finish.mutate(
      { paymentId, outcome },
      {
        onSuccess: () => {
          const params = new URLSearchParams({
            [PAYMENT_RETURN_PARAM]: outcome === 'complete' ? 'success' : 'cancelled',
            [PAYMENT_ID_RETURN_PARAM]: paymentId,
          });
          navigate(`${DASHBOARD_CREDITS_PAGE}?${params}`, { replace: true });
        },
      },
    );

  return (
    <>
      <PageHeader title="Test checkout" description="Stands in for the card payment page while Stripe is not configured." />
      <div className="narrow">
        <Card>
          {payment.isPending ? (
            <LoadingState label="Loading payment…" />
          ) : payment.error ? (
            <ErrorState error={payment.error} title="Could not load this payment" onRetry={() => void payment.refetch()} />
          ) : (
            <div className="form" data-testid="test-checkout">
              <Alert tone="warning" title={payment.data.label}>
                No card is charged. Completing this payment adds test credits to your balance.
              </Alert>
              <dl className="kv">
                <dt>Amount</dt>
                <dd>
                  <strong data-testid="test-checkout-amount">{formatUsd(payment.data.amount.micros)}</strong>
                </dd>
                <dt>Payment id</dt>
                <dd className="mono">{payment.data.id}</dd>
              </dl>
              {payment.data.status !== 'pending' ? (
                <Alert tone="info" title="This payment is no longer open">
                  It is {payment.data.status}. <Link to={DASHBOARD_CREDITS_PAGE}>Back to credits</Link>
                </Alert>
              ) : (
                <>
                  {finish.error ? (
                    <Alert tone="error" title="The payment did not go through">
                      <ErrorDetail error={finish.error} />
                    </Alert>
                  ) : null}
                  <div className="form-actions">
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={finish.isPending}
                      onClick={() => conclude('cancel')}
                    >
                      Cancel payment
                    </button>
                    <button type="button" className="button" disabled={finish.isPending} onClick={() => conclude('complete')}>
                      {finish.isPending ? 'Processing…' : `Pay ${formatUsd(payment.data.amount.micros)} (test)`}
                    </button>
                  </div>
                </>
              )}
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
