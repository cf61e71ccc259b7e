import type { CreatedApiKey } from '@apilink/contracts';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { KeyCreatedDialog } from './key-created-dialog';

const created: CreatedApiKey = {
  secret: 'al-0123456789abcdefghijABCDEFGHIJxyz',
  key: {
    id: 'k1',
    name: 'billing worker',
    displayKey: 'al-0123...Jxyz',
    status: 'active',
    rpmLimit: null,
    spendCapMicros: null,
    expiresAt: null,
    revokedAt: null,
    lastUsedAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  },
};

describe('KeyCreatedDialog', () => {
  it('shows the full secret once with a warning that it will not be shown again', () => {
    render(<KeyCreatedDialog created={created} onClose={() => undefined} />);
    expect(screen.getByLabelText('billing worker')).toHaveProperty('value', created.secret);
    expect(screen.getByText('This is the only time the full key is shown')).toBeTruthy();
  });

  it('copies the secret to the clipboard and says so', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<KeyCreatedDialog created={created} onClose={() => undefined} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy key' }));
    });
    expect(writeText).toHaveBeenCalledWith(created.secret);
    expect(screen.getByRole('button', { name: 'Copied' })).toBeTruthy();
  });

  it('closes only through its buttons, and renders nothing without a key', () => {
    const onClose = vi.fn();
    const { rerender } = render(<KeyCreatedDialog created={created} onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'I have saved my key' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    rerender(<KeyCreatedDialog created={null} onClose={onClose} />);
    expect(screen.queryByText(created.secret)).toBeNull();
    expect(screen.queryByDisplayValue(created.secret)).toBeNull();
  });
});
