import type { AdminUser, BalanceResponse, CreditAdjustmentResponse } from '@apilink/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../../components/alert';
import { Dialog } from '../../../../components/dialog';
import { Field } from '../../../../components/field';
import { FormActions } from '../../../../components/form-actions';
import { MoneyInput } from '../../../../components/money-input';
import { ErrorDetail, errorText } from '../../../../components/query-state';
import { ApiError } from '../../../../lib/api-client';
import { formatUsd, parseUsdInput } from '../../../../lib/format';
import { ReasonField } from '../../components/reason-field';
import { microsToUsdDecimal } from '../../components/usd-decimal';
import type { StaffRole } from '../../staff-context';
import { useAdjustCredits } from '../api/adjust-credits';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';

interface CreditAdjustmentDialogProps {
  open: boolean;
  user: AdminUser;
  balance: BalanceResponse | undefined;
  viewerRole: StaffRole;
  /** Support's limit per adjustment (micro-USD, from the staff settings); null while unknown. */
  supportLimitMicros?: string | null;
  onClose: () => void;
  onAdjusted: (result: CreditAdjustmentResponse) => void;
}

export function CreditAdjustmentDialog({ open, onClose, ...form }: CreditAdjustmentDialogProps) {
  return (
    <Dialog open={open} title="Adjust credits" onClose={onClose} testId="credit-adjustment-dialog">
      <CreditAdjustmentForm {...form} onCancel={onClose} />
    </Dialog>
  );
}

type Direction = 'credit' | 'debit';

/** Why the API refused, in the words support needs: the per-action limit and overdrafts get their own titles. */
function failureTitle(error: unknown): string {
  if (error instanceof ApiError && error.status === 403) return 'Above your limit per adjustment';
  if (error instanceof ApiError && error.status === 409) return 'Not enough balance to remove';
  return 'The credits were not adjusted';
}

function CreditAdjustmentForm({
  user,
  balance,
  viewerRole,
  supportLimitMicros = null,
  onCancel,
  onAdjusted,
}: Omit<CreditAdjustmentDialogProps, 'open' | 'onClose'> & { onCancel: () => void }) {
  const limit = viewerRole === 'support' && supportLimitMicros !== null ? BigInt(supportLimitMicros) : null;
  const adjust = useAdjustCredits();
  const [direction, setDirection] = useState<Direction>('credit');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; reason?: string }>({});

  const micros = parseUsdInput(amount);
  const signed = micros === null ? null : direction === 'debit' ? -micros : micros;
  const newBalance = balance && signed !== null && signed !== 0n ? BigInt(balance.balance.micros) + signed : null;

  // A refusal that names a field sits under it; the limit and overdraft errors go in the box above.
  const serverError = adjust.error instanceof ApiError && adjust.error.status === 400 ? adjust.error : null;
  const fieldError = (param: 'amountUsd' | 'reason') => (serverError?.param === param ? errorText(serverError) : undefined);
  const boxError = adjust.error && !(serverError?.param === 'amountUsd' || serverError?.param === 'reason') ? adjust.error : null;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors, adjust.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = {
      amount:
        micros === null
          ? 'Enter an amount in dollars, e.g. 25 or 3.50 (up to 6 decimals).'
          : micros === 0n
            ? 'The amount cannot be zero.'
            : limit !== null && micros > limit
              ? `Above your limit of ${formatUsd(limit)} per action.`
              : undefined,
      reason: reason.trim() ? undefined : 'Say why the balance changes (ticket number, goodwill…). The customer’s ledger shows it.',
    };
    setErrors(next);
    if (next.amount || next.reason || signed === null) return;
    adjust.mutate(
      { userId: user.id, body: { amountUsd: microsToUsdDecimal(signed), reason: reason.trim() } },
      { onSuccess: (result) => onAdjusted(result) },
    );
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate>
      <div className="muted break">
        For <strong>{user.email}</strong>
        {balance ? `, whose balance is ${formatUsd(balance.balance.micros)}` : ''}.
      </div>
      {boxError ? (
        <Alert tone="error" title={failureTitle(boxError)}>
          <ErrorDetail error={boxError} />
        </Alert>
      ) : null}
      <fieldset className="choice-group">
        <legend className="field__label">Direction</legend>
        {(
          [
            ['credit', 'Add credits'],
            ['debit', 'Remove credits'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="choice">
            <input type="radio" name="direction" value={value} checked={direction === value} onChange={() => setDirection(value)} />
            {label}
          </label>
        ))}
      </fieldset>
      <Field
        label="Amount (USD)"
        hint={
          viewerRole === 'support'
            ? `Support staff can adjust up to ${limit === null ? 'a set amount' : formatUsd(limit)} per action; ask an admin for more.`
            : 'Admins have no per-action limit. A removal never takes the available balance below zero.'
        }
        error={errors.amount ?? fieldError('amountUsd')}
      >
        {(control) => (
          <MoneyInput {...control} data-autofocus name="amount" value={amount} onChange={(event) => setAmount(event.target.value)} />
        )}
      </Field>
      {newBalance !== null ? (
        <div className="muted" data-testid="adjustment-preview">
          New balance: <strong>{formatUsd(newBalance)}</strong>
        </div>
      ) : null}
      <ReasonField
        required
        value={reason}
        onChange={setReason}
        hint="Saved in the ledger and the audit log."
        error={errors.reason ?? fieldError('reason')}
      />
      <FormActions
        onCancel={onCancel}
        pending={adjust.isPending}
        submitLabel={direction === 'debit' ? 'Remove credits' : 'Add credits'}
        pendingLabel="Adjusting…"
        danger={direction === 'debit'}
      />
    </form>
  );
}
