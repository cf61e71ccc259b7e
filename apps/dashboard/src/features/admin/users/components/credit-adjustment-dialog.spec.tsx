import type { AdminUser, BalanceResponse } from '@apilink/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CreditAdjustmentDialog } from './credit-adjustment-dialog';

const user: AdminUser = {
  id: '7d1f2c3e-0000-4000-8000-000000000001',
  email: 'ada@example.com',
  name: null,
  role: 'customer',
  status: 'active',
  disabledAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  passwordChangeRequired: false,
};

const money = (micros: string) => ({ micros, usd: (Number(micros) / 1e6).toFixed(6) });
const balance: BalanceResponse = {
  balance: money('12000000'),
  held: money('0'),
  available: money('12000000'),
  totalCredits: money('12000000'),
  totalUsage: money('0'),
  currency: 'USD',
};

function renderDialog(viewerRole: 'support' | 'admin' = 'support', supportLimitMicros: string | null = null) {
  const onAdjusted = vi.fn();
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <CreditAdjustmentDialog
        open
        user={user}
        balance={balance}
        viewerRole={viewerRole}
        supportLimitMicros={supportLimitMicros}
        onClose={() => undefined}
        onAdjusted={onAdjusted}
      />
    </QueryClientProvider>,
  );
  return onAdjusted;
}

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn().mockImplementation(async () => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function submit(label: string) {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: label }));
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('CreditAdjustmentDialog', () => {
  it('asks for an amount and a reason before calling the API', async () => {
    const fetchMock = answer(200, {});
    renderDialog();
    await submit('Add credits');
    expect(screen.getByText(/Enter an amount in dollars/)).toBeTruthy();
    expect(screen.getByText(/Say why the balance changes/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Amount (USD)'), { target: { value: '0' } });
    await submit('Add credits');
    expect(screen.getByText('The amount cannot be zero.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends a removal as a negative USD string, with the reason, and previews the new balance', async () => {
    const result = { ledgerEntryId: 'l1', amount: money('-2500000'), balance: { ...balance, balance: money('9500000') } };
    const fetchMock = answer(200, result);
    const onAdjusted = renderDialog();
    fireEvent.click(screen.getByLabelText('Remove credits'));
    fireEvent.change(screen.getByLabelText('Amount (USD)'), { target: { value: '2.50' } });
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: '  Ticket 42: double top-up  ' } });
    expect(screen.getByTestId('adjustment-preview').textContent).toBe('New balance: $9.50');
    await submit('Remove credits');
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(`/api/admin/users/${user.id}/credit-adjustments`);
    expect(JSON.parse(init.body as string)).toEqual({ amountUsd: '-2.5', reason: 'Ticket 42: double top-up' });
    expect(onAdjusted).toHaveBeenCalledWith(result);
  });

  it('states the configured support limit and refuses more before calling the API; admins have none', async () => {
    const fetchMock = answer(200, {});
    renderDialog('support', '10000000');
    expect(screen.getByText('Support staff can adjust up to $10.00 per action; ask an admin for more.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Remove credits'));
    fireEvent.change(screen.getByLabelText('Amount (USD)'), { target: { value: '10.01' } });
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'Refund' } });
    await submit('Remove credits');
    expect(screen.getByText('Above your limit of $10.00 per action.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('says plainly when support is above the per-action limit, with the request id', async () => {
    answer(403, {
      error: {
        message: 'Support can adjust at most 100.000000 USD per action; ask an admin for more',
        type: 'permission_error',
        param: null,
        code: 'forbidden',
        request_id: 'req-limit-1',
      },
    });
    renderDialog();
    expect(screen.getByText(/Support staff can adjust up to a set amount per action/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Amount (USD)'), { target: { value: '500' } });
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'Big refund' } });
    await submit('Add credits');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Above your limit per adjustment');
    expect(alert.textContent).toContain('at most 100.000000 USD per action');
    expect(alert.textContent).toContain('req-limit-1');
  });

  it('puts an API error that names the amount under the amount field', async () => {
    answer(400, {
      error: {
        message: 'amountUsd must be a non-zero USD amount',
        type: 'invalid_request_error',
        param: 'amountUsd',
        code: 'invalid_request',
        request_id: 'r2',
      },
    });
    renderDialog('admin');
    fireEvent.change(screen.getByLabelText('Amount (USD)'), { target: { value: '1' } });
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'x' } });
    await submit('Add credits');
    const amount = screen.getByLabelText('Amount (USD)');
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(amount);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
