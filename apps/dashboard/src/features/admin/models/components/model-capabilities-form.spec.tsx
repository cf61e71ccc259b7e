import type { AdminModel } from '@apilink/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModelCapabilitiesForm } from './model-capabilities-form';

const model = {
  id: 'openai/gpt-3.5-turbo',
  name: 'GPT-3.5-turbo',
  capabilities: { tools: false, vision: false, reasoning: false },
} as AdminModel;

function renderForm() {
  const onSaved = vi.fn();
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ModelCapabilitiesForm model={model} onSaved={onSaved} />
    </QueryClientProvider>,
  );
  return onSaved;
}

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn().mockImplementation(async () => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const checkbox = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

async function save() {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Save capabilities' }));
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('ModelCapabilitiesForm', () => {
  it("shows the model's flags and saves a toggled one with the reason", async () => {
    const saved = { ...model, capabilities: { tools: true, vision: false, reasoning: false } };
    const fetchMock = answer(200, saved);
    const onSaved = renderForm();
    expect([
      checkbox('Tools (function calling)').checked,
      checkbox('Vision (image inputs)').checked,
      checkbox('Reasoning').checked,
    ]).toEqual([false, false, false]);

    fireEvent.click(checkbox('Tools (function calling)'));
    fireEvent.change(screen.getByLabelText('Reason (optional)'), { target: { value: ' OpenAI documents function calling ' } });
    await save();

    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(`/api/admin/models/${encodeURIComponent(model.id)}`);
    expect(init.method).toBe('PATCH');
    expect(JSON.parse(init.body as string)).toEqual({
      capabilities: { tools: true, vision: false, reasoning: false },
      reason: 'OpenAI documents function calling',
    });
    expect(onSaved).toHaveBeenCalledWith(saved);
  });

  it('says when the change was not saved', async () => {
    answer(403, { error: { message: 'Admins only', type: 'permission_error', param: null, code: 'forbidden', request_id: 'r1' } });
    renderForm();
    fireEvent.click(checkbox('Vision (image inputs)'));
    await save();
    expect((await screen.findByRole('alert')).textContent).toContain('The capabilities were not saved');
  });
});
