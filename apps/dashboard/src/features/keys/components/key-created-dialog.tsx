/** Shows a new key's secret exactly once; it lives only in React state, never in storage. */
import type { CreatedApiKey } from '@apilink/contracts';
import { Alert } from '../../../components/alert';
import { CopyButton } from '../../../components/copy-button';
import { Dialog } from '../../../components/dialog';
import { CloseActions } from '../../../components/form-actions';

interface KeyCreatedDialogProps {
  created: CreatedApiKey | null;
  onClose: () => void;
}

export function KeyCreatedDialog({ created, onClose }: KeyCreatedDialogProps) {
  return (
    <Dialog open={created !== null} title="Save your new API key" onClose={onClose} dismissOnBackdrop={false} testId="key-created-dialog">
      {created ? (
        <div className="form">
          <Alert tone="warning" title="This is the only time the full key is shown">
            Copy it now and store it somewhere safe, like a password manager or your server&apos;s secrets. If you lose it, revoke it and
            create a new one.
          </Alert>
          <div className="field">
            <label className="field__label" htmlFor="new-key-secret">
              {created.key.name}
            </label>
            <div className="secret">
              <input
                id="new-key-secret"
                className="input"
                readOnly
                value={created.secret}
                data-testid="new-key-secret"
                onFocus={(event) => event.currentTarget.select()}
              />
              <CopyButton text={created.secret} label="Copy key" className="button" />
            </div>
          </div>
          <CloseActions label="I have saved my key" onClose={onClose} />
        </div>
      ) : null}
    </Dialog>
  );
}
