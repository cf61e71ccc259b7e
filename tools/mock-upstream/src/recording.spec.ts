import { type MockUpstream, startMockUpstream } from './mock-upstream';
import { authHeaders, postJson } from './spec-helpers';

describe('mock upstream request recording', () => {
  let mock: MockUpstream;
  const body = { model: 'claude-haiku-4-5', max_tokens: 64, messages: [{ role: 'user', content: 'record me' }] };

  beforeAll(async () => {
    mock = await startMockUpstream({ protocol: 'anthropic', maxRecordedRequests: 3 });
  });
  afterAll(() => mock.close());
  beforeEach(() => mock.reset());

  it('records method, path with query, lowercased headers, parsed body, status and timings', async () => {
    const before = Date.now();
    await postJson(`${mock.url}/v1/messages?beta=true`, body, { ...authHeaders(mock), 'X-Custom-Header': 'Yes' });
    const recorded = mock.lastRequest!;
    expect(recorded).toMatchObject({ method: 'POST', path: '/v1/messages?beta=true', body, status: 200 });
    expect(recorded.rawBody).toBe(JSON.stringify(body));
    expect(recorded.headers['x-custom-header']).toBe('Yes');
    expect(recorded.headers['x-api-key']).toBe(mock.apiKey);
    expect(recorded.receivedAt).toBeGreaterThanOrEqual(before);
    expect(recorded.completedAt).toBeGreaterThanOrEqual(recorded.receivedAt);
    expect(recorded.abortedAt).toBeUndefined();
  });

  it('records rejected requests too, and forgets everything on reset()', async () => {
    await postJson(`${mock.url}/v1/messages`, body, {});
    await fetch(`${mock.url}/v1/messages`, { method: 'POST', headers: authHeaders(mock), body: 'not json' });
    expect(mock.requests.map((r) => r.status)).toEqual([401, 400]);
    expect(mock.requests[1].body).toBeUndefined();
    expect(mock.requests[1].rawBody).toBe('not json');
    mock.enqueueReply({ text: 'left over' });
    mock.setFault({ kind: 'hang' });
    mock.reset();
    expect(mock.requests).toHaveLength(0);
    expect(mock.lastRequest).toBeUndefined();
    expect(mock.pendingReplies).toBe(0);
    expect((await postJson(`${mock.url}/v1/messages`, body, authHeaders(mock))).status).toBe(200);
  });

  it('keeps only the newest maxRecordedRequests requests', async () => {
    for (let i = 0; i < 5; i++) await postJson(`${mock.url}/v1/messages`, { ...body, max_tokens: i + 1 }, authHeaders(mock));
    expect(mock.requests.map((r) => (r.body as { max_tokens: number }).max_tokens)).toEqual([3, 4, 5]);
  });

  it('uses scripted replies in order, one per generation request', async () => {
    mock.enqueueReply({ text: 'first' }, { text: 'second' });
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await postJson(`${mock.url}/v1/messages`, body, authHeaders(mock));
      texts.push(((await res.json()) as { content: { text: string }[] }).content[0].text);
    }
    expect(texts.slice(0, 2)).toEqual(['first', 'second']);
    expect(texts[2]).toMatch(/^Mock anthropic reply/);
  });

  it('detects a client that closes the connection mid-stream', async () => {
    mock.setFault({ kind: 'slowChunks', ms: 100, times: 1 });
    const controller = new AbortController();
    const res = await postJson(`${mock.url}/v1/messages`, { ...body, stream: true }, authHeaders(mock), controller.signal);
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    const aborted = await mock.waitForAbort(2_000);
    expect(aborted.fault).toBe('slowChunks');
    expect(aborted.status).toBe(200);
    expect(aborted.abortedAt).toBeGreaterThanOrEqual(aborted.receivedAt);
    expect(aborted.completedAt).toBeUndefined();
    // The mock stops writing to a closed connection and stays healthy.
    expect((await postJson(`${mock.url}/v1/messages`, body, authHeaders(mock))).status).toBe(200);
  });

  it('rejects waitForAbort when no client aborts in time', async () => {
    await postJson(`${mock.url}/v1/messages`, body, authHeaders(mock));
    await expect(mock.waitForAbort(50)).rejects.toThrow(/no client abort within 50 ms/);
  });

  it('resolves waitForRequests once enough requests have arrived', async () => {
    const waiting = mock.waitForRequests(2, 2_000);
    await postJson(`${mock.url}/v1/messages`, body, authHeaders(mock));
    await postJson(`${mock.url}/v1/messages`, body, authHeaders(mock));
    expect(await waiting).toHaveLength(2);
    await expect(mock.waitForRequests(3, 50)).rejects.toThrow(/2 of 3 requests/);
  });
});
