import { capturedLines } from './__testing__/captured-lines';
import { createRootLogger } from './root-logger.factory';

describe('createRootLogger', () => {
  it('censors credentials wherever a caller puts them', () => {
    const { destination, lines } = capturedLines();
    const logger = createRootLogger({ level: 'info', pretty: false }, destination);
    logger.info(
      {
        apiKey: 'al-top-level',
        headers: { authorization: 'Bearer al-in-headers', cookie: 'sid=1', 'x-api-key': 'al-x' },
        req: { headers: { authorization: 'Bearer al-in-req' } },
        account: { password: 'hunter2', secret: 'sk-nested' },
      },
      'credentials everywhere',
    );
    const text = JSON.stringify(lines);
    for (const secret of ['al-top-level', 'al-in-headers', 'sid=1', 'al-x', 'al-in-req', 'hunter2', 'sk-nested'])
      expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ apiKey: '[redacted]', headers: { authorization: '[redacted]' }, account: { password: '[redacted]' } });
  });

  it('honours the configured level', () => {
    const { destination, lines } = capturedLines();
    const logger = createRootLogger({ level: 'error', pretty: false }, destination);
    logger.warn('hidden');
    logger.error('shown');
    expect(lines.map((line) => line.msg)).toEqual(['shown']);
  });
});
