import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert } from '../../../components/alert';
import { Dialog } from '../../../components/dialog';
import { FormActions } from '../../../components/form-actions';
import { ErrorDetail } from '../../../components/query-state';
import { ReasonField } from './reason-field';

/** The parts of a react-query mutation the dialog shows and clears. */
interface ActionState {
  isPending: boolean;
  error: unknown;
  reset: () => void;
}

interface ActionDialogProps<T> {
  open: boolean;
  title: string;
  /** What happens when the action goes through, in words the staff member can check. */
  children: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  /** Title of the error box when the API refuses. */
  failureTitle: string;
  danger?: boolean;
  /** The mutation behind `run`: its pending state and error show here, and are cleared on close. */
  mutation: ActionState;
  /** Runs the action with the reason (typically `mutation.mutateAsync`). */
  run: (reason: string | undefined) => Promise<T>;
  onDone: (result: T) => void;
  onClose: () => void;
  testId?: string;
}

/** Confirms one staff action (revoke, disable, deactivate...) with an optional reason for the audit log. */
export function ActionDialog<T>({ open, title, onClose, testId, mutation, ...form }: ActionDialogProps<T>) {
  // A refusal shown once must not greet the next action.
  const close = () => {
    mutation.reset();
    onClose();
  };
  return (
    <Dialog open={open} title={title} onClose={close} testId={testId}>
      {/* Mounted only while open, so each action starts with an empty reason. */}
      <ActionForm {...form} mutation={mutation} onClose={close} />
    </Dialog>
  );
}

type ActionFormProps<T> = Omit<ActionDialogProps<T>, 'open' | 'title' | 'testId'>;

function ActionForm<T>({
  children,
  confirmLabel,
  pendingLabel = 'Saving…',
  failureTitle,
  danger,
  mutation,
  run,
  onDone,
  onClose,
}: ActionFormProps<T>) {
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(reason.trim() || undefined).then(
      (result) => {
        mutation.reset();
        onDone(result);
      },
      // The mutation holds the error; the alert below shows it.
      () => undefined,
    );
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <div>{children}</div>
      {mutation.error ? (
        <Alert tone="error" title={failureTitle}>
          <ErrorDetail error={mutation.error} />
        </Alert>
      ) : null}
      <ReasonField value={reason} onChange={setReason} />
      <FormActions onCancel={onClose} pending={mutation.isPending} submitLabel={confirmLabel} pendingLabel={pendingLabel} danger={danger} />
    </form>
  );
}
