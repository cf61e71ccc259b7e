import { describe, expect, it } from 'vitest';
import { pickExampleModel } from './use-example-model';

describe('pickExampleModel', () => {
  it('prefers the echo demo, then well-known cheap models, then whatever is served', () => {
    expect(pickExampleModel(['openai/gpt-4o-mini', 'apilink/echo'])).toBe('apilink/echo');
    expect(pickExampleModel(['anthropic/claude-haiku-4-5', 'openai/gpt-4o-mini'])).toBe('openai/gpt-4o-mini');
    expect(pickExampleModel(['mistral/mistral-small'])).toBe('mistral/mistral-small');
    expect(pickExampleModel([])).toBe('apilink/echo');
  });
});
