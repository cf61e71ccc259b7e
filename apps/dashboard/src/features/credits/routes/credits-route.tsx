import { PageHeader } from '../../../components/page-header';
import { BalanceStats } from '../components/balance-stats';
import { BillingDetailsCard } from '../components/billing-details-card';
import { PaymentReturnBanner } from '../components/payment-return-banner';
import { PaymentsCard } from '../components/payments-card';
import { RechargeCard } from '../components/recharge-card';

export function CreditsRoute() {
  return (
    <>
      <PageHeader
        title="Credits"
        description="ApiLink is prepaid: add credits, and each request is charged from your balance at the listed model prices."
      />
      <div className="stack">
        <PaymentReturnBanner />
        <BalanceStats />
        <div className="grid grid--two">
          <RechargeCard />
          <BillingDetailsCard />
        </div>
        <PaymentsCard />
      </div>
    </>
  );
}
