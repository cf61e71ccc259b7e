import type { BalanceResponse } from '@apilink/contracts';
import { BalanceStatGrid } from '../../../../components/balance-stat-grid';
import { ErrorState, LoadingState } from '../../../../components/query-state';

interface UserBalanceStatsProps {
  balance: BalanceResponse | undefined;
  error: unknown;
  onRetry: () => void;
}

const HINTS = {
  heldWord: 'held',
  nothingHeld: 'Nothing held by requests in flight',
  totalAdded: 'Top-ups, grants and adjustments',
  totalSpent: 'Requests since the account opened',
};

export function UserBalanceStats({ balance, error, onRetry }: UserBalanceStatsProps) {
  if (error) return <ErrorState error={error} title="Could not load the balance" onRetry={onRetry} />;
  if (!balance) return <LoadingState label="Loading balance…" />;
  return <BalanceStatGrid balance={balance} testId="user-balance" hints={HINTS} />;
}
