import type { ApiKeySummary } from '@apilink/contracts';
import { Alert } from '../../../components/alert';
import { Dialog } from '../../../components/dialog';
import { ErrorDetail } from '../../../components/query-state';
import { useRevokeKey } from '../api/revoke-key';

interface RevokeKeyDialogProps {
  apiKey: ApiKeySummary | null;
  onClose: () => void;
}

export function RevokeKeyDialog({ apiKey, onClose }: RevokeKeyDialogProps) {
  return (
    <Dialog open={apiKey !== null} title="Revoke key?" onClose={onClose} testId="revoke-key-dialog">
      {apiKey ? <RevokeConfirmation key={apiKey.id} apiKey={apiKey} onDone={onClose} /> : null}
    </Dialog>
  );
}

function RevokeConfirmation({ apiKey, onDone }: { apiKey: ApiKeySummary; onDone: () => void }) {
  const revokeKey = useRevokeKey();
  return (
    <div className="form">
      <p>
        <strong>{apiKey.name}</strong> (<code>{apiKey.displayKey}</code>) will stop working immediately. Every app using it will get{' '}
        <code>401</code> errors. This cannot be undone.
      </p>
      {revokeKey.error ? (
        <Alert tone="error" title="The key was not revoked">
          <ErrorDetail error={revokeKey.error} />
        </Alert>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button--secondary" onClick={onDone} data-autofocus>
          Cancel
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={revokeKey.isPending}
          onClick={() => revokeKey.mutate(apiKey.id, { onSuccess: onDone })}
        >
          {revokeKey.isPending ? 'Revoking…' : 'Revoke key'}
        </button>
      </div>
    </div>
  );
}
