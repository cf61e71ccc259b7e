import type { AdminModel } from '@apilink/contracts';
import { ActionDialog } from '../../components/action-dialog';
import { useSetModelEnabled } from '../api/set-model-enabled';

interface ModelToggleDialogProps {
  model: AdminModel | null;
  onClose: () => void;
  onDone: (model: AdminModel) => void;
}

/** Activates a deactivated model or deactivates an enabled one, after a confirmation with a reason. */
export function ModelToggleDialog({ model, onClose, onDone }: ModelToggleDialogProps) {
  const setEnabled = useSetModelEnabled();
  const activating = model ? !model.enabled : false;
  return (
    <ActionDialog
      open={model !== null}
      title={activating ? 'Activate model?' : 'Deactivate model?'}
      testId="model-toggle-dialog"
      confirmLabel={activating ? 'Activate' : 'Deactivate'}
      failureTitle="The model was not changed"
      danger={!activating}
      mutation={setEnabled}
      run={(reason) => setEnabled.mutateAsync({ modelId: model?.id ?? '', enabled: activating, reason })}
      onDone={onDone}
      onClose={onClose}
    >
      {activating ? (
        <p>
          <code>{model?.id}</code> is listed and served again once an upstream routes it and it has a price.
        </p>
      ) : (
        <p>
          <code>{model?.id}</code> disappears from <code>/v1/models</code> and requests for it are refused on every instance. Requests
          already running finish.
        </p>
      )}
    </ActionDialog>
  );
}
