/** Test support: a ResponseContext with fixed identity and predictable tool-call ids. */
import type { ResponseContext } from '../upstream-adapter';

export function testResponseContext(overrides: Partial<ResponseContext> = {}): ResponseContext {
  let next = 0;
  return {
    id: 'chatcmpl-test123',
    model: 'client-model-alias',
    created: 1_700_000_000,
    newToolCallId: () => `call_test${(next += 1)}`,
    ...overrides,
  };
}
