import type { AdminModelPrice, Money } from '@apilink/contracts';
import { DataTable } from '../../../../components/data-table';
import { formatDateTime, formatUsd } from '../../../../lib/format';

function price(money: Money | null, fallback: string) {
  return money ? formatUsd(money.micros) : <span className="subtle">{fallback}</span>;
}

/** Every version, newest first: each request was charged the version in force when it ran. */
export function PriceHistoryTable({ prices, current }: { prices: AdminModelPrice[]; current: AdminModelPrice | null }) {
  return (
    <DataTable
      columns={[
        { label: 'In force from' },
        { label: 'Input', numeric: true },
        { label: 'Output', numeric: true },
        { label: 'Cached input', numeric: true },
        { label: 'Reasoning', numeric: true },
      ]}
      testId="price-history"
    >
      {prices.map((version) => (
        <tr key={version.effectiveFrom}>
          <td data-label="In force from" className="nowrap">
            {formatDateTime(version.effectiveFrom)}
            {current?.effectiveFrom === version.effectiveFrom ? <div className="subtle">current</div> : null}
          </td>
          <td data-label="Input" className="num">
            {formatUsd(version.inputPerMTok.micros)}
          </td>
          <td data-label="Output" className="num">
            {formatUsd(version.outputPerMTok.micros)}
          </td>
          <td data-label="Cached input" className="num">
            {price(version.cachedInputPerMTok, 'as input')}
          </td>
          <td data-label="Reasoning" className="num">
            {price(version.reasoningPerMTok, 'as output')}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
