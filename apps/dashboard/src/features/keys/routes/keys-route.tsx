import type { ApiKeySummary, CreatedApiKey } from '@apilink/contracts';
import { useState } from 'react';
import { Card } from '../../../components/card';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/query-state';
import { useKeys } from '../api/list-keys';
import { CreateKeyDialog } from '../components/create-key-dialog';
import { KeyCreatedDialog } from '../components/key-created-dialog';
import { ApiKeysTable } from '../../../components/api-keys-table';
import { RenameKeyDialog } from '../components/rename-key-dialog';
import { RevokeKeyDialog } from '../components/revoke-key-dialog';

export function KeysRoute() {
  const keys = useKeys();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [renaming, setRenaming] = useState<ApiKeySummary | null>(null);
  const [revoking, setRevoking] = useState<ApiKeySummary | null>(null);
  // Revoked keys stay listed for reference, but out of the way unless asked for.
  const [showRevoked, setShowRevoked] = useState(false);
  const revokedCount = keys.data?.filter((key) => key.status === 'revoked').length ?? 0;
  const shownKeys = showRevoked ? keys.data : keys.data?.filter((key) => key.status !== 'revoked');

  const createButton = (
    <button type="button" className="button" onClick={() => setCreating(true)}>
      Create API key
    </button>
  );

  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys authenticate your apps against the gateway. Use a separate key per app so you can limit or revoke it on its own."
        // With no keys yet, the empty state carries the one call to action.
        actions={keys.data?.length ? createButton : undefined}
      />
      <Card
        flush
        title={keys.data?.length ? 'Your keys' : undefined}
        actions={
          revokedCount > 0 ? (
            <label className="choice">
              <input type="checkbox" checked={showRevoked} onChange={(event) => setShowRevoked(event.target.checked)} />
              Show revoked ({revokedCount})
            </label>
          ) : undefined
        }
      >
        {keys.isPending ? (
          <LoadingState label="Loading keys…" />
        ) : keys.error ? (
          <ErrorState error={keys.error} title="Could not load your keys" onRetry={() => void keys.refetch()} />
        ) : keys.data.length === 0 ? (
          <EmptyState title="No API keys yet" action={createButton}>
            Create a key to call the gateway from your code, Cursor, or any OpenAI-compatible tool.
          </EmptyState>
        ) : shownKeys?.length === 0 ? (
          <EmptyState title="No active API keys" action={createButton}>
            Your revoked keys are hidden; tick “Show revoked” to see them.
          </EmptyState>
        ) : (
          <ApiKeysTable keys={shownKeys ?? []} testId="keys-table" onRename={setRenaming} onRevoke={setRevoking} />
        )}
      </Card>
      <CreateKeyDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setCreated(result);
        }}
      />
      <KeyCreatedDialog created={created} onClose={() => setCreated(null)} />
      <RenameKeyDialog apiKey={renaming} onClose={() => setRenaming(null)} />
      <RevokeKeyDialog apiKey={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}
