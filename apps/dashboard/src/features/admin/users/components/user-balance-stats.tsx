import type { BalanceResponse } from '@apilink/contracts';
import { Stat } from '../../../../components/stat';
import { ErrorState, LoadingState } from '../../../../components/query-state';
import { formatUsd } from '../../../../lib/format';

interface UserBalanceStatsProps {
  balance: BalanceResponse | undefined;
  error: unknown;
  onRetry: () => void;
}

export function UserBalanceStats({ balance, error, onRetry }: UserBalanceStatsProps) {
  if (error) return <ErrorState error={error} title="Could not load the balance" onRetry={onRetry} />;
  if (!balance) return <LoadingState label="Loading balance…" />;
  const held = BigInt(balance.held.micros);
  return (
    <div className="grid grid--stats">
      <Stat
        label="Balance"
        value={formatUsd(balance.balance.micros)}
        testId="user-balance"
        hint={
          held > 0n ? `${formatUsd(balance.available.micros)} available, ${formatUsd(held)} held` : 'Nothing held by requests in flight'
        }
      />
      <Stat label="Total added" value={formatUsd(balance.totalCredits.micros)} hint="Top-ups, grants and adjustments" />
      <Stat label="Total spent" value={formatUsd(balance.totalUsage.micros)} hint="Requests since the account opened" />
    </div>
  );
}
