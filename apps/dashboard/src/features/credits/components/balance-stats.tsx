import { BalanceStatGrid } from '../../../components/balance-stat-grid';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { useBalance } from '../../../hooks/use-balance';

const HINTS = {
  heldWord: 'held by requests in flight',
  nothingHeld: 'Credits never expire',
  totalAdded: 'Top-ups and grants, minus refunds',
  totalSpent: 'All requests since you joined',
};

export function BalanceStats() {
  const balance = useBalance();
  if (balance.isPending) return <LoadingState label="Loading balance…" />;
  if (balance.error) return <ErrorState error={balance.error} title="Could not load your balance" onRetry={() => void balance.refetch()} />;
  return <BalanceStatGrid balance={balance.data} testId="credits-balance" hints={HINTS} />;
}
