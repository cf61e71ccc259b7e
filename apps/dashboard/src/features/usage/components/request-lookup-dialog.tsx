import { Dialog } from '../../../components/dialog';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { ApiError } from '../../../lib/api-client';
import { useUsageRecord } from '../api/get-usage-record';
import type { KeyOption } from '../api/list-key-options';
import { RequestDetails } from './request-details';

interface RequestLookupDialogProps {
  requestId: string | null;
  keyNames: Map<string, KeyOption>;
  onClose: () => void;
}

export function RequestLookupDialog({ requestId, keyNames, onClose }: RequestLookupDialogProps) {
  const record = useUsageRecord(requestId);
  return (
    <Dialog open={requestId !== null} title="Request details" onClose={onClose} testId="request-dialog">
      {record.isPending ? (
        <LoadingState />
      ) : record.error ? (
        record.error instanceof ApiError && record.error.status === 404 ? (
          <ErrorState error={record.error} title="No request with this id in your account" />
        ) : (
          <ErrorState error={record.error} title="Could not look up the request" onRetry={() => void record.refetch()} />
        )
      ) : (
        <RequestDetails record={record.data} keyName={keyNames.get(record.data.keyId)?.name} />
      )}
    </Dialog>
  );
}
