import { Link } from 'react-router-dom';
import { Stat } from '../../../components/stat';
import { errorText } from '../../../components/query-state';
import { formatCount } from '../../../lib/format';
import { useBalance } from '../../../hooks/use-balance';
import { useMonthSpend } from '../api/get-usage-totals';
import { Money } from '../../../components/money';

const LOW_BALANCE_MICROS = 1_000_000n;

export function OverviewStats() {
  const balance = useBalance();
  const month = useMonthSpend();
  const available = balance.data ? BigInt(balance.data.available.micros) : null;
  const monthRequests = month.data?.data.reduce((sum, row) => sum + row.requests, 0);

  return (
    <div className="grid grid--stats">
      <Stat
        label="Balance"
        testId="overview-balance"
        value={balance.data ? <Money micros={balance.data.balance.micros} /> : balance.error ? '—' : '…'}
        hint={
          balance.error ? (
            errorText(balance.error)
          ) : available === 0n ? (
            <>
              <Link to="/credits">Add credits</Link> to start making requests
            </>
          ) : available !== null && available < LOW_BALANCE_MICROS ? (
            <>
              Running low. <Link to="/credits">Add credits</Link>
            </>
          ) : (
            <Link to="/credits">Add credits</Link>
          )
        }
      />
      <Stat
        label="Spend this month"
        testId="overview-month-spend"
        value={month.data ? <Money micros={month.data.total.micros} /> : month.error ? '—' : '…'}
        hint={month.error ? errorText(month.error) : month.data ? formatCount(monthRequests ?? 0, 'request') : undefined}
      />
    </div>
  );
}
