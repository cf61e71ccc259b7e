import { allowedBetas } from './anthropic-beta';

describe('allowedBetas', () => {
  it('keeps only allowlisted flags, once each, from one or several headers', () => {
    expect(allowedBetas('claude-code-20250219, oauth-2025-04-20,interleaved-thinking-2025-05-14')).toBe(
      'claude-code-20250219,interleaved-thinking-2025-05-14',
    );
    expect(allowedBetas(['prompt-caching-2024-07-31', 'prompt-caching-2024-07-31,context-1m-2025-08-07'])).toBe(
      'prompt-caching-2024-07-31',
    );
  });

  it('is null when nothing is left', () => {
    expect(allowedBetas(undefined)).toBeNull();
    expect(allowedBetas('made-up')).toBeNull();
  });
});
