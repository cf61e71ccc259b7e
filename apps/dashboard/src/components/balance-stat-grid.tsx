import type { BalanceResponse } from '@apilink/contracts';
import { formatMoney } from '../lib/format';
import { Money } from './money';
import { Stat } from './stat';

interface BalanceStatGridProps {
  balance: BalanceResponse;
  testId: string;
  /** The wording differs: customers read about "you", staff about the account. */
  hints: { heldWord: string; nothingHeld: string; totalAdded: string; totalSpent: string };
}

/** Balance, total added and total spent, as shown on the customer credits page and the staff user page. */
export function BalanceStatGrid({ balance, testId, hints }: BalanceStatGridProps) {
  const held = BigInt(balance.held.micros);
  return (
    <div className="grid grid--stats">
      <Stat
        label="Balance"
        value={<Money micros={balance.balance.micros} />}
        testId={testId}
        hint={held > 0n ? `${formatMoney(balance.available.micros)} available, ${formatMoney(held)} ${hints.heldWord}` : hints.nothingHeld}
      />
      <Stat label="Total added" value={<Money micros={balance.totalCredits.micros} />} hint={hints.totalAdded} />
      <Stat label="Total spent" value={<Money micros={balance.totalUsage.micros} />} hint={hints.totalSpent} />
    </div>
  );
}
