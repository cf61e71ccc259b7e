import type { UpstreamAccount } from '@apilink/contracts';
import { ActionDialog } from '../../components/action-dialog';
import { useSetUpstreamEnabled } from '../api/set-upstream-enabled';

interface UpstreamToggleDialogProps {
  account: UpstreamAccount | null;
  onClose: () => void;
  onDone: (account: UpstreamAccount) => void;
}

export function UpstreamToggleDialog({ account, onClose, onDone }: UpstreamToggleDialogProps) {
  const setEnabled = useSetUpstreamEnabled();
  const enabling = account ? !account.enabled : false;
  return (
    <ActionDialog
      open={account !== null}
      title={enabling ? 'Enable upstream account?' : 'Disable upstream account?'}
      testId="upstream-toggle-dialog"
      confirmLabel={enabling ? 'Enable' : 'Disable'}
      failureTitle="The account was not changed"
      danger={!enabling}
      mutation={setEnabled}
      run={(reason) => setEnabled.mutateAsync({ id: account?.id ?? '', enabled: enabling, reason })}
      onDone={onDone}
      onClose={onClose}
    >
      {enabling ? (
        <p>
          Requests for its models are routed to <strong>{account?.name}</strong> again, on every instance.
        </p>
      ) : (
        <p>
          Every instance stops routing to <strong>{account?.name}</strong>; its models fail over to the other accounts serving them, or
          become unavailable when none does. Nothing is deleted.
        </p>
      )}
    </ActionDialog>
  );
}
