import type { LedgerEntry, LedgerEntryKind } from '@apilink/contracts';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../../components/data-table';
import { formatDateTime, formatUsd } from '../../../../lib/format';
import { requestPath } from '../../request-path';
import { Money } from '../../../../components/money';

const KIND: Record<LedgerEntryKind, string> = {
  top_up: 'Top-up',
  grant: 'Grant',
  adjustment: 'Adjustment',
  hold: 'Hold',
  capture: 'Charge',
  release: 'Hold released',
  expire: 'Hold expired',
  refund: 'Refund',
  dispute: 'Dispute',
  lease: 'Lease (gateway)',
  lease_return: 'Lease returned',
  lease_expire: 'Lease expired',
};

function signed(micros: string): string {
  return BigInt(micros) > 0n ? `+${formatUsd(micros)}` : formatUsd(micros);
}

/** The append-only ledger: each row moves the balance, the held amount, or both. */
export function LedgerTable({ entries }: { entries: LedgerEntry[] }) {
  return (
    <DataTable
      columns={[
        { label: 'Time' },
        { label: 'Kind' },
        { label: 'Amount', numeric: true },
        { label: 'Balance after', numeric: true },
        { label: 'Details' },
      ]}
      testId="ledger-table"
    >
      {entries.map((entry) => {
        const amount = BigInt(entry.amount.micros);
        const held = BigInt(entry.heldChange.micros);
        return (
          <tr key={entry.id} data-ledger-kind={entry.kind}>
            <td data-label="Time" className="nowrap">
              {formatDateTime(entry.createdAt)}
            </td>
            <td data-label="Kind">{KIND[entry.kind] ?? entry.kind}</td>
            <td data-label="Amount" className="num">
              {amount !== 0n ? signed(entry.amount.micros) : <span className="subtle">—</span>}
              {held !== 0n ? <div className="subtle">held {signed(entry.heldChange.micros)}</div> : null}
            </td>
            <td data-label="Balance after" className="num">
              <Money micros={entry.balanceAfter.micros} />
            </td>
            <td data-label="Details" className="break">
              {entry.description ?? null}
              {entry.requestId ? (
                <div>
                  <Link to={requestPath(entry.requestId)} className="mono">
                    {entry.requestId}
                  </Link>
                </div>
              ) : null}
              {!entry.description && !entry.requestId ? <span className="subtle">—</span> : null}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
