import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BILLING_ROUTES } from '@apilink/contracts';
import { useFinishTestPayment } from '../features/credits/api/test-payment';
import { useBalance } from './use-balance';

const money = (micros: string) => ({ micros, usd: micros });
const balance = (micros: string) => ({ balance: money(micros), held: money('0'), available: money(micros) });

function Shown({ label }: { label: string }) {
  const { data } = useBalance();
  return <p>{`${label}: ${data?.balance.micros ?? '…'}`}</p>;
}

afterEach(() => vi.unstubAllGlobals());

describe('the balance query', () => {
  it('is fetched once for the overview and the credits page, and a completed test payment refreshes it for both', async () => {
    let current = '1000000';
    const fetchMock = vi
      .fn()
      .mockImplementation(
        async (url: string) =>
          new Response(JSON.stringify(String(url).includes(BILLING_ROUTES.balance) ? balance(current) : {}), { status: 200 }),
      );
    vi.stubGlobal('fetch', fetchMock);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    render(
      <>
        <Shown label="overview" />
        <Shown label="credits" />
      </>,
      { wrapper },
    );
    await waitFor(() => expect(screen.getByText('overview: 1000000')).toBeTruthy());
    expect(screen.getByText('credits: 1000000')).toBeTruthy();
    const balanceCalls = () => fetchMock.mock.calls.filter(([url]) => String(url).includes(BILLING_ROUTES.balance)).length;
    expect(balanceCalls()).toBe(1);

    current = '6000000';
    const { result } = renderHook(() => useFinishTestPayment(), { wrapper });
    await act(async () => {
      await result.current.mutateAsync({ paymentId: 'p1', outcome: 'complete' });
    });
    await waitFor(() => expect(screen.getByText('overview: 6000000')).toBeTruthy());
    expect(screen.getByText('credits: 6000000')).toBeTruthy();
  });
});
