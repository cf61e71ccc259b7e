import { AUTH_ROUTES, BILLING_ROUTES, type CurrentUser } from '@apilink/contracts';
import { useQuery } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiRequest } from '../lib/api-client';
import { AppProviders } from './providers';
import { RequirePasswordChange, RequireSession } from './require-session';

const user: CurrentUser = {
  id: '7d1f2c3e-0000-4000-8000-000000000001',
  email: 'ada@example.com',
  role: 'customer',
  createdAt: '2026-01-01T00:00:00.000Z',
  passwordChangeRequired: false,
};

function BalancePage() {
  const balance = useQuery({ queryKey: ['balance'], queryFn: () => apiRequest(BILLING_ROUTES.balance), retry: false });
  return <h1>{balance.error ? 'Balance failed' : 'Balance'}</h1>;
}

/** The app's providers and guards; me still says the session is unlimited, the page's route answers `status`. */
function renderApp(status: number, code: string) {
  vi.stubGlobal(
    'fetch',
    vi.fn().mockImplementation(async (url: string) => {
      if (url === AUTH_ROUTES.me) return new Response(JSON.stringify({ user }), { status: 200 });
      return new Response(JSON.stringify({ error: { message: 'refused', type: 'permission_error', param: null, code } }), { status });
    }),
  );
  const router = createMemoryRouter(
    [
      { path: '/login', element: <h1>Log in</h1> },
      { element: <RequirePasswordChange />, children: [{ path: '/choose-password', element: <h1>Choose a new password</h1> }] },
      { element: <RequireSession />, children: [{ path: '/credits', element: <BalancePage /> }] },
    ],
    { initialEntries: ['/credits'] },
  );
  render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return router;
}

afterEach(() => vi.unstubAllGlobals());

describe('AppProviders', () => {
  it('sends a session that meets 403 password_change_required mid-way (staff reset the password) to the choose-password screen', async () => {
    const router = renderApp(403, 'password_change_required');
    await screen.findByRole('heading', { name: 'Choose a new password' });
    expect(router.state.location.pathname).toBe('/choose-password');
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/credits')}`);
  });

  it('leaves other 403s to the page', async () => {
    const router = renderApp(403, 'forbidden');
    await screen.findByRole('heading', { name: 'Balance failed' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/credits'));
  });
});
