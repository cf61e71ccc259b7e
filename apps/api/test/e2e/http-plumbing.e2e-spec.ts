import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@apilink/contracts';
import { startTestApp, type TestApp } from '../support/test-app';
import { EchoTestModule } from '../support/echo-test.module';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids and the error envelope', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp({ env: { BODY_LIMIT_BYTES: '2048' }, extraImports: [EchoTestModule] });
  });
  afterAll(() => testApp.close());

  it('gives every response a new UUID request id', async () => {
    const first = await testApp.http().get('/healthz').expect(200);
    const second = await testApp.http().get('/healthz').expect(200);
    expect(first.headers['x-request-id']).toMatch(UUID);
    expect(second.headers['x-request-id']).toMatch(UUID);
    expect(first.headers['x-request-id']).not.toEqual(second.headers['x-request-id']);
  });

  it("echoes the caller's sane X-Request-Id", async () => {
    const response = await testApp.http().get('/healthz').set('X-Request-Id', 'trace-abc.123:9').expect(200);
    expect(response.headers['x-request-id']).toBe('trace-abc.123:9');
  });

  it('replaces an X-Request-Id that is too long or carries odd characters', async () => {
    const long = await testApp.http().get('/healthz').set('X-Request-Id', 'a'.repeat(129)).expect(200);
    expect(long.headers['x-request-id']).toMatch(UUID);
    const odd = await testApp.http().get('/healthz').set('X-Request-Id', 'bad id<script>').expect(200);
    expect(odd.headers['x-request-id']).toMatch(UUID);
  });

  it('renders an unknown /v1 route as a 404 in the OpenAI envelope with the request id', async () => {
    const response = await testApp.http().post('/v1/nope').send({}).expect(404);
    expect(response.body).toEqual({
      error: { message: expect.any(String), type: 'invalid_request_error', param: null, code: 'not_found', request_id: response.headers['x-request-id'] },
    });
  });

  it('answers malformed JSON with 400 invalid_json', async () => {
    const response = await testApp.http().post('/v1/test-echo').set('Content-Type', 'application/json').send('{"text": ').expect(400);
    expect(response.body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_json', request_id: response.headers['x-request-id'] });
  });

  it('answers a non-JSON content type with 415', async () => {
    const response = await testApp.http().post('/v1/test-echo').set('Content-Type', 'application/xml').send('<a/>').expect(415);
    expect(response.body.error).toMatchObject({ code: 'unsupported_media_type', type: 'invalid_request_error' });
  });

  it('answers an oversized body with 413', async () => {
    const response = await testApp.http().post('/v1/test-echo').send({ text: 'x'.repeat(5000), count: 1 }).expect(413);
    expect(response.body.error).toMatchObject({ code: 'payload_too_large', request_id: response.headers['x-request-id'] });
  });

  it('names the invalid field in param', async () => {
    const response = await testApp.http().post('/v1/test-echo').send({ text: 'hi', count: 0 }).expect(400);
    expect(response.body.error).toMatchObject({ type: 'invalid_request_error', param: 'count', code: 'invalid_request' });
    expect(response.body.error.message).toContain('count');
  });

  it('rejects unknown fields on the internal API with the same envelope', async () => {
    const response = await testApp.http().post('/api/test-echo').set(CSRF_HEADER, CSRF_HEADER_VALUE).send({ text: 'hi', count: 1, extra: true }).expect(400);
    expect(response.body.error).toMatchObject({ param: 'extra', request_id: response.headers['x-request-id'] });
  });

  it('accepts a valid body', async () => {
    await testApp.http().post('/v1/test-echo').send({ text: 'hi', count: 2 }).expect(201, { text: 'hi', count: 2 });
  });

  it('turns an unexpected exception into a 500 api_error without its details', async () => {
    const response = await testApp.http().get('/v1/test-crash').expect(500);
    expect(response.body.error).toMatchObject({ type: 'api_error', code: 'internal_error', request_id: response.headers['x-request-id'] });
    expect(JSON.stringify(response.body)).not.toContain('secret internal detail');
  });

  it('refuses a route that declares no authentication (default-deny)', async () => {
    const response = await testApp.http().get('/api/test-undeclared').expect(403);
    expect(response.body.error.type).toBe('permission_error');
  });
});
