import OpenAI from 'openai';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';

/** The guard chain on a real /v1 route (GET /v1/models), driven by the official SDK. */
describe('api-key guard and rate limit on the real /v1/models', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  const client = (apiKey: string) => new OpenAI({ apiKey, baseURL: `${testApp.url}/v1`, maxRetries: 0 });

  it('serves a valid key and reports its limit headers', async () => {
    const session = await TestSession.create(testApp, { rpm: 5 });
    const { data, response } = await client(session.apiKey).models.list().withResponse();
    expect(Array.isArray(data.data)).toBe(true);
    expect(response.headers.get('x-ratelimit-limit-requests')).toBe('5');
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('4');
  });

  it('gives the SDK an AuthenticationError with code invalid_api_key for an unknown or revoked key', async () => {
    const unknown = await client(`al-${'q'.repeat(40)}`)
      .models.list()
      .catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(unknown).toMatchObject({ status: 401, code: 'invalid_api_key', type: 'invalid_request_error' });

    const session = await TestSession.create(testApp);
    await client(session.apiKey).models.list();
    await session.api('post', `/api/keys/${session.keyId}/revoke`).expect(200);
    const revoked = await client(session.apiKey)
      .models.list()
      .catch((error: unknown) => error);
    expect(revoked).toMatchObject({ status: 401, code: 'invalid_api_key' });
    expect((revoked as Error).message).toMatch(/revoked/);
  });

  it('gives the SDK a RateLimitError once the key is over its limit', async () => {
    const session = await TestSession.create(testApp, { rpm: 2 });
    await client(session.apiKey).models.list();
    await client(session.apiKey).models.list();
    const limited = await client(session.apiKey)
      .models.list()
      .catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
    expect(limited).toMatchObject({ status: 429, code: 'rate_limit_exceeded', type: 'requests' });
  });
});
