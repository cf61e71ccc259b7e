import { recalledSubject, recallMessage } from './recall-message';

describe('recall messages', () => {
  it('carry the subject to every instance but the sender', () => {
    const message = recallMessage('key', 'rpm:key:1', 'a');
    expect(recalledSubject(message, 'key', 'b')).toBe('rpm:key:1');
    expect(recalledSubject(message, 'key', 'a')).toBeNull();
  });

  it('ignore malformed messages and the wrong subject field', () => {
    for (const message of ['not json', 'null', '5', '{"key":7,"from":"a"}']) expect(recalledSubject(message, 'key', 'b')).toBeNull();
    expect(recalledSubject(recallMessage('userId', 'u1', 'a'), 'key', 'b')).toBeNull();
  });
});
