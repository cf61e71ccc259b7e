import { AUTH_ROUTES, type CurrentUser } from '@apilink/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequirePasswordChange, RequireSession } from '../../../app/require-session';
import { ChoosePasswordRoute } from './choose-password-route';

const user: CurrentUser = {
  id: '7d1f2c3e-0000-4000-8000-000000000001',
  email: 'ada@example.com',
  role: 'customer',
  createdAt: '2026-01-01T00:00:00.000Z',
  passwordChangeRequired: true,
};

/** The app's guards around two stand-in pages; `fetch` answers me and change-password as the API would. */
function renderAt(path: string, changeStatus = 204) {
  const calls: { url: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn().mockImplementation(async (url: string, init: RequestInit) => {
      calls.push({ url, body: init.body ? JSON.parse(String(init.body)) : null });
      if (url === AUTH_ROUTES.me) return new Response(JSON.stringify({ user }), { status: 200 });
      if (url === AUTH_ROUTES.logout) return new Response(null, { status: 204 });
      if (url === AUTH_ROUTES.changePassword) {
        if (changeStatus === 204) return new Response(null, { status: 204 });
        const error = {
          message: 'The current password is incorrect',
          type: 'invalid_request_error',
          code: 'invalid_request',
          param: 'currentPassword',
        };
        return new Response(JSON.stringify({ error }), { status: changeStatus });
      }
      return new Response(
        JSON.stringify({ error: { message: 'unexpected', type: 'permission_error', code: 'password_change_required' } }),
        { status: 403 },
      );
    }),
  );
  const router = createMemoryRouter(
    [
      { path: '/login', element: <h1>Log in</h1> },
      { element: <RequirePasswordChange />, children: [{ path: '/choose-password', element: <ChoosePasswordRoute /> }] },
      {
        element: <RequireSession />,
        children: [
          { index: true, element: <h1>Overview</h1> },
          { path: 'keys', element: <h1>API keys</h1> },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, calls };
}

async function submit(oneTimePassword: string, newPassword: string) {
  fireEvent.change(screen.getByLabelText('One-time password'), { target: { value: oneTimePassword } });
  fireEvent.change(screen.getByLabelText('New password'), { target: { value: newPassword } });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Set password and continue' }));
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('the "Choose a new password" screen', () => {
  it('stands in front of every page while the session has a one-time password, then continues where the person was going', async () => {
    const { router, calls } = renderAt('/keys?tab=active');
    await screen.findByRole('heading', { name: 'Choose a new password' });
    expect(router.state.location.pathname).toBe('/choose-password');
    expect(screen.queryByRole('heading', { name: 'API keys' })).toBeNull();
    // No Cancel: the only ways out are setting the password or logging out.
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();

    await submit('otp-0123456789abcdefghij', 'Copper-Meadow-Violin-2093!');
    await screen.findByRole('heading', { name: 'API keys' });
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe('/keys?tab=active');
    expect(calls.find((call) => call.url === AUTH_ROUTES.changePassword)?.body).toEqual({
      currentPassword: 'otp-0123456789abcdefghij',
      newPassword: 'Copper-Meadow-Violin-2093!',
    });
    // Only me and the change itself were asked for: no page fetched data it would be refused.
    expect(calls.map((call) => call.url)).toEqual([AUTH_ROUTES.me, AUTH_ROUTES.changePassword]);
  });

  it("keeps the person on the screen with the API's reason when the change is refused", async () => {
    renderAt('/', 400);
    await screen.findByRole('heading', { name: 'Choose a new password' });
    await submit('wrong', 'Copper-Meadow-Violin-2093!');
    await waitFor(() => expect(screen.getByText('The current password is incorrect')).toBeTruthy(), { timeout: 2000 });
    expect(screen.getByRole('heading', { name: 'Choose a new password' })).toBeTruthy();
  });

  it('offers logging out instead, which ends the session and leads to the login page', async () => {
    const { router, calls } = renderAt('/');
    await screen.findByText(/Not ada@example.com\?/);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Log out' }));
    });
    await screen.findByRole('heading', { name: 'Log in' });
    expect(router.state.location.pathname).toBe('/login');
    expect(calls.map((call) => call.url)).toEqual([AUTH_ROUTES.me, AUTH_ROUTES.logout]);
  });
});
