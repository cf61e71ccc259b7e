import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CreateKeyDialog } from './create-key-dialog';

function renderDialog(onCreated = vi.fn()) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <CreateKeyDialog open onClose={() => undefined} onCreated={onCreated} />
    </QueryClientProvider>,
  );
  return onCreated;
}

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn().mockImplementation(async () => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('CreateKeyDialog', () => {
  it('checks the form before calling the API', async () => {
    const fetchMock = answer(201, {});
    renderDialog();
    fireEvent.change(screen.getByLabelText(/Requests per minute/), { target: { value: '1.5' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    });
    expect(screen.getByText('Give the key a name, e.g. the app that will use it.')).toBeTruthy();
    expect(screen.getByText(/whole number of requests per minute/)).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends the limits in the API units: spend cap in micro-USD, expiry at the end of the chosen day', async () => {
    const fetchMock = answer(201, { key: { id: 'k', name: 'ci' }, secret: 'al-x' });
    const onCreated = renderDialog();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: ' ci ' } });
    fireEvent.change(screen.getByLabelText(/Spend cap/), { target: { value: '12.50' } });
    fireEvent.change(screen.getByLabelText(/Expires on/), { target: { value: '2099-03-04' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    });
    const body = JSON.parse((fetchMock.mock.calls[0] as [string, RequestInit])[1].body as string);
    expect(body).toEqual({
      name: 'ci',
      rpmLimit: null,
      spendCapMicros: '12500000',
      expiresAt: new Date(2099, 2, 4, 23, 59, 59, 999).toISOString(),
    });
    expect(onCreated.mock.calls[0][0]).toEqual({ key: { id: 'k', name: 'ci' }, secret: 'al-x' });
  });

  it('shows an API error that names a field under that field', async () => {
    answer(400, {
      error: {
        message: 'rpmLimit cannot exceed 60',
        type: 'invalid_request_error',
        param: 'rpmLimit',
        code: 'invalid_request',
        request_id: 'r1',
      },
    });
    renderDialog();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'ci' } });
    fireEvent.change(screen.getByLabelText(/Requests per minute/), { target: { value: '500' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    });
    const rpm = screen.getByLabelText(/Requests per minute/);
    expect(rpm.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(rpm.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent).toBe('rpmLimit cannot exceed 60');
    expect(screen.queryByText('The key was not created')).toBeNull();
  });

  it('shows any other failure above the form with its request id', async () => {
    answer(503, {
      error: { message: 'Database unavailable', type: 'api_error', param: null, code: 'service_unavailable', request_id: 'req-42' },
    });
    renderDialog();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'ci' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    });
    expect(screen.getByRole('alert').textContent).toContain('Database unavailable');
    expect(screen.getByRole('alert').textContent).toContain('req-42');
  });
});
