import type { UsageFilters } from '@apilink/contracts';
import { Card } from '../../../components/card';
import { EmptyState, ErrorState, LoadingState } from '../../../components/query-state';
import { formatInteger } from '../../../lib/format';
import { useModelTotals } from '../api/get-model-totals';
import { DataTable } from '../../../components/data-table';
import { Money } from '../../../components/money';

export function ModelTotalsCard({ filters, period }: { filters: UsageFilters; period: string }) {
  const totals = useModelTotals(filters);
  return (
    <Card title={`Totals per model, ${period}`} flush>
      {totals.isPending ? (
        <LoadingState />
      ) : totals.error ? (
        <ErrorState error={totals.error} title="Could not load the totals" onRetry={() => void totals.refetch()} />
      ) : totals.data.data.length === 0 ? (
        <EmptyState title="No usage in this period" />
      ) : (
        <DataTable
          columns={[
            { label: 'Model' },
            { label: 'Requests', numeric: true },
            { label: 'Input tokens', numeric: true },
            { label: 'Output tokens', numeric: true },
            { label: 'Cost', numeric: true },
          ]}
          testId="model-totals"
          footer={
            <tr>
              <th scope="row" colSpan={4}>
                Total
              </th>
              <td className="num">
                <strong>
                  <Money micros={totals.data.total.micros} />
                </strong>
              </td>
            </tr>
          }
        >
          {totals.data.data.map((row) => (
            <tr key={row.model}>
              <td data-label="Model">
                <code className="model-cell__id">{row.model}</code>
              </td>
              <td data-label="Requests" className="num">
                {formatInteger(row.requests)}
              </td>
              <td data-label="Input tokens" className="num">
                {formatInteger(row.promptTokens)}
              </td>
              <td data-label="Output tokens" className="num">
                {formatInteger(row.completionTokens)}
              </td>
              <td data-label="Cost" className="num">
                <Money micros={row.cost.micros} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Card>
  );
}
