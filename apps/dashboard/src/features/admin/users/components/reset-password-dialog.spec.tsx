import { ADMIN_ROUTES, type AdminUser } from '@apilink/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResetPasswordDialog } from './reset-password-dialog';

const user: AdminUser = {
  id: '7d1f2c3e-0000-4000-8000-000000000001',
  email: 'ada@example.com',
  name: 'Ada',
  role: 'customer',
  status: 'active',
  disabledAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  passwordChangeRequired: false,
};

function renderDialog() {
  const onClose = vi.fn();
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ResetPasswordDialog open user={user} onClose={onClose} />
    </QueryClientProvider>,
  );
  return onClose;
}

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn().mockImplementation(async () => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function click(label: string) {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: label }));
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('ResetPasswordDialog', () => {
  it('asks first, then shows the new one-time password once, and forgets it when closed', async () => {
    const fetchMock = answer(200, { user: { ...user, passwordChangeRequired: true }, oneTimePassword: 'Xq3-generated_password24' });
    const onClose = renderDialog();
    expect(screen.getByRole('heading', { name: 'Reset password?' })).toBeTruthy();
    expect(screen.queryByTestId('one-time-password')).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText(/Reason/), { target: { value: 'Ticket 512' } });
    await click('Reset password');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(ADMIN_ROUTES.resetUserPassword(user.id));
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ reason: 'Ticket 512' });

    await screen.findByRole('heading', { name: 'Password reset' });
    expect((screen.getByTestId('one-time-password') as HTMLInputElement).value).toBe('Xq3-generated_password24');
    expect(screen.getByText(/only time the password is shown/)).toBeTruthy();
    await click('Done');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("shows the API's refusal and no password", async () => {
    answer(403, {
      error: { message: 'Only admins can reset the password of staff accounts', type: 'permission_error', code: 'forbidden' },
    });
    renderDialog();
    await click('Reset password');
    expect(await screen.findByText('The password was not reset')).toBeTruthy();
    expect(screen.getByText(/Only admins can reset the password of staff accounts/)).toBeTruthy();
    expect(screen.queryByTestId('one-time-password')).toBeNull();
  });
});
