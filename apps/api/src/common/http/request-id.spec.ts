import type { IncomingMessage } from 'node:http';
import { requestIdFor } from './request-id';

const withHeader = (value?: string | string[]) =>
  ({ headers: value === undefined ? {} : { 'x-request-id': value } }) as unknown as IncomingMessage;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('requestIdFor', () => {
  it("keeps the caller's token when it is short and plain", () => {
    expect(requestIdFor(withHeader('req_123-abc.def:9'))).toBe('req_123-abc.def:9');
    expect(requestIdFor(withHeader('a'.repeat(128)))).toBe('a'.repeat(128));
  });

  it('makes a new UUID when the header is missing, too long, repeated or has odd characters', () => {
    expect(requestIdFor(withHeader())).toMatch(UUID);
    expect(requestIdFor(withHeader('a'.repeat(129)))).toMatch(UUID);
    expect(requestIdFor(withHeader(['a', 'b']))).toMatch(UUID);
    expect(requestIdFor(withHeader('line\nbreak'))).toMatch(UUID);
    expect(requestIdFor(withHeader(''))).toMatch(UUID);
  });
});
