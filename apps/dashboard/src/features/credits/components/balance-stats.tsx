import { Stat } from '../../../components/stat';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { formatUsd } from '../../../lib/format';
import { useBalance } from '../api/get-balance';

export function BalanceStats() {
  const balance = useBalance();
  if (balance.isPending) return <LoadingState label="Loading balance…" />;
  if (balance.error) return <ErrorState error={balance.error} title="Could not load your balance" onRetry={() => void balance.refetch()} />;
  const { data } = balance;
  const held = BigInt(data.held.micros);
  return (
    <div className="grid grid--stats">
      <Stat
        label="Balance"
        value={formatUsd(data.balance.micros)}
        testId="credits-balance"
        hint={
          held > 0n
            ? `${formatUsd(data.available.micros)} available, ${formatUsd(held)} held by requests in flight`
            : 'Credits never expire'
        }
      />
      <Stat label="Total added" value={formatUsd(data.totalCredits.micros)} hint="Top-ups and grants, minus refunds" />
      <Stat label="Total spent" value={formatUsd(data.totalUsage.micros)} hint="All requests since you joined" />
    </div>
  );
}
