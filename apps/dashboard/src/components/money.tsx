import { formatMoney, formatUsd, type MicroUsd } from '../lib/format';

/** A balance or total to the cent in the reader's locale; hovering shows the exact micro-dollar figure. */
export function Money({ micros }: { micros: MicroUsd }) {
  const exact = formatUsd(micros);
  return (
    <span className="money" title={exact} data-exact={exact}>
      {formatMoney(micros)}
    </span>
  );
}
