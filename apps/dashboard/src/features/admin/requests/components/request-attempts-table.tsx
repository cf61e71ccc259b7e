import type { RequestAttempt } from '@apilink/contracts';
import { Badge } from '../../../../components/badge';
import { DataTable } from '../../../../components/data-table';
import { formatDuration } from '../../../../lib/format';

/** The upstreams tried in order; the last one answered, or all of them failed. */
export function RequestAttemptsTable({ attempts }: { attempts: RequestAttempt[] }) {
  return (
    <DataTable
      columns={[
        { label: '#', numeric: true },
        { label: 'Upstream' },
        { label: 'Outcome' },
        { label: 'HTTP status' },
        { label: 'Duration', numeric: true },
      ]}
      testId="request-attempts"
    >
      {attempts.map((attempt, index) => (
        <tr key={`${index}-${attempt.upstream}`}>
          <td data-label="#" className="num">
            {index + 1}
          </td>
          <td data-label="Upstream" className="mono">
            {attempt.upstream}
          </td>
          <td data-label="Outcome">
            {attempt.status === 'success' ? (
              <Badge tone="success">Answered</Badge>
            ) : (
              <Badge tone="danger">{attempt.error ? `Failed: ${attempt.error.replace(/_/g, ' ')}` : 'Failed'}</Badge>
            )}
          </td>
          <td data-label="HTTP status">{attempt.httpStatus ?? <span className="subtle">—</span>}</td>
          <td data-label="Duration" className="num">
            {formatDuration(attempt.durationMs)}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
