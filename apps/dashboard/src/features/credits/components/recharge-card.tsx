import type { TopUpOptions } from '@apilink/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Card } from '../../../components/card';
import { Field } from '../../../components/field';
import { MoneyInput } from '../../../components/money-input';
import { ErrorDetail, ErrorState, LoadingState } from '../../../components/query-state';
import { formatUsdCents, parseUsdInput } from '../../../lib/format';
import { useCreateCheckout } from '../api/create-checkout';
import { useTopUpOptions } from '../api/get-top-up-options';

const PRESETS = ['10', '25', '50', '100'];

/** Whole cents only: the payment providers charge cents, and the API rejects finer amounts. */
function validateAmount(input: string, options: TopUpOptions): { amountUsd?: string; error?: string } {
  const micros = parseUsdInput(input);
  if (micros === null || micros % 10_000n !== 0n) return { error: 'Enter an amount in dollars and cents, like 25 or 25.50.' };
  const minimum = BigInt(options.minimum.micros);
  const maximum = BigInt(options.maximum.micros);
  if (micros < minimum) return { error: `The minimum top-up is ${formatUsdCents(minimum)}.` };
  if (micros > maximum) return { error: `The maximum top-up is ${formatUsdCents(maximum)}.` };
  const cents = micros / 10_000n;
  return { amountUsd: `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}` };
}

export function RechargeCard() {
  const options = useTopUpOptions();
  return (
    <Card title="Add credits">
      {options.isPending ? (
        <LoadingState />
      ) : options.error ? (
        <ErrorState error={options.error} title="Could not load top-up options" onRetry={() => void options.refetch()} />
      ) : options.data.provider === null ? (
        <Alert tone="warning" title="Top-ups are unavailable">
          No payment provider is configured on this gateway. Contact your administrator to add credits.
        </Alert>
      ) : (
        <RechargeForm options={options.data} />
      )}
    </Card>
  );
}

function RechargeForm({ options }: { options: TopUpOptions }) {
  const checkout = useCreateCheckout();
  const [amount, setAmount] = useState('25');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validateAmount(amount, options);
    setError(result.error ?? null);
    if (result.amountUsd) checkout.mutate({ amountUsd: result.amountUsd });
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {options.testMode ? (
        <Alert tone="info" title="Test payments">
          Stripe is not configured on this gateway, so top-ups use a test payment page. No card is charged and no real money moves.
        </Alert>
      ) : null}
      <div className="chips" role="group" aria-label="Suggested amounts">
        {PRESETS.map((preset) => (
          <button key={preset} type="button" className="chip" aria-pressed={amount === preset} onClick={() => setAmount(preset)}>
            ${preset}
          </button>
        ))}
      </div>
      <Field
        label="Amount (USD)"
        hint={`Between ${formatUsdCents(options.minimum.micros)} and ${formatUsdCents(options.maximum.micros)}. Credits never expire.`}
        error={error}
      >
        {(control) => <MoneyInput {...control} name="amount" value={amount} onChange={(event) => setAmount(event.target.value)} />}
      </Field>
      {checkout.error ? (
        <Alert tone="error" title="Could not start the payment">
          <ErrorDetail error={checkout.error} />
        </Alert>
      ) : null}
      <div>
        <button type="submit" className="button" disabled={checkout.isPending || checkout.isSuccess}>
          {checkout.isPending || checkout.isSuccess
            ? 'Opening checkout…'
            : options.testMode
              ? 'Continue to test payment'
              : 'Continue to payment'}
        </button>
      </div>
      {!options.testMode ? <p className="subtle">You will pay on Stripe&apos;s secure checkout page and come back here.</p> : null}
    </form>
  );
}
