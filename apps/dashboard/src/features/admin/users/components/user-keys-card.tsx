import type { ApiKeySummary } from '@apilink/contracts';
import { useState } from 'react';
import { Card } from '../../../../components/card';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/query-state';
import { ActionDialog } from '../../components/action-dialog';
import { useUserKeys } from '../api/list-user-keys';
import { useRevokeUserKey } from '../api/revoke-user-key';
import { ApiKeysTable } from '../../../../components/api-keys-table';

export function UserKeysCard({ userId }: { userId: string }) {
  const keys = useUserKeys(userId);
  const revoke = useRevokeUserKey();
  const [revoking, setRevoking] = useState<ApiKeySummary | null>(null);

  return (
    <Card title="API keys" flush>
      {keys.isPending ? (
        <LoadingState label="Loading keys…" />
      ) : keys.error ? (
        <ErrorState error={keys.error} title="Could not load the keys" onRetry={() => void keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <EmptyState title="No API keys">This account has not created a key yet.</EmptyState>
      ) : (
        <ApiKeysTable keys={keys.data} testId="user-keys-table" onRevoke={setRevoking} />
      )}
      <ActionDialog
        open={revoking !== null}
        title="Revoke key?"
        testId="revoke-user-key-dialog"
        confirmLabel="Revoke key"
        pendingLabel="Revoking…"
        failureTitle="The key was not revoked"
        danger
        mutation={revoke}
        run={(reason) => revoke.mutateAsync({ userId, keyId: revoking?.id ?? '', reason })}
        onDone={() => setRevoking(null)}
        onClose={() => setRevoking(null)}
      >
        <p>
          <strong>{revoking?.name}</strong> (<code>{revoking?.displayKey}</code>) stops working on every instance within a second. The
          customer&apos;s apps using it get <code>401</code> errors. This cannot be undone.
        </p>
      </ActionDialog>
    </Card>
  );
}
