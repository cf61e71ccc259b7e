import { signSessionToken, verifySessionToken } from './session-token';

const SECRET = 's'.repeat(32);

describe('session tokens', () => {
  it('round-trips the session id', () => {
    const token = signSessionToken('5b7c0c44-7a55-4c55-9a55-1e0c4b7c0c44', SECRET);
    expect(verifySessionToken(token, SECRET)).toBe('5b7c0c44-7a55-4c55-9a55-1e0c4b7c0c44');
  });

  it('refuses a token signed with another secret', () => {
    expect(verifySessionToken(signSessionToken('abc', SECRET), 'x'.repeat(32))).toBeNull();
  });

  it('refuses an altered session id or signature', () => {
    const token = signSessionToken('abc', SECRET);
    expect(verifySessionToken(token.replace('abc', 'abd'), SECRET)).toBeNull();
    expect(verifySessionToken(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, SECRET)).toBeNull();
  });

  it('refuses malformed tokens', () => {
    for (const token of ['', 'abc', '.sig', 'abc.', 'abc.short']) expect(verifySessionToken(token, SECRET)).toBeNull();
  });
});
