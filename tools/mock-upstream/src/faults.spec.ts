import { Agent, request as httpRequest } from 'node:http';
import { type MockUpstream, startMockUpstream } from './mock-upstream';
import { authHeaders, parseSse, postJson, readChunks } from './spec-helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions walk wire payloads freely
type Json = Record<string, any>;

describe('mock upstream fault modes', () => {
  let mock: MockUpstream;
  const body = (extra: Json = {}) => ({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], ...extra });
  const post = (extra: Json = {}, signal?: AbortSignal) => postJson(`${mock.url}/chat/completions`, body(extra), authHeaders(mock), signal);

  beforeAll(async () => {
    mock = await startMockUpstream({ protocol: 'openai' });
  });
  afterAll(() => mock.close());
  beforeEach(() => mock.reset());

  it('answers the next N requests with the given 5xx status in the provider envelope, then recovers', async () => {
    mock.setFault({ kind: 'status', status: 503, times: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await post();
      expect(res.status).toBe(503);
      expect(((await res.json()) as Json).error).toMatchObject({ type: 'server_error', param: null, code: null });
    }
    expect((await post()).status).toBe(200);
    expect(mock.requests.map((r) => r.fault)).toEqual(['status', 'status', undefined]);
  });

  it('keeps a scripted reply for the request after a failed one, so retries get it', async () => {
    mock.enqueueReply({ text: 'after the retry' });
    mock.setFault({ kind: 'status', times: 1 });
    expect((await post()).status).toBe(500);
    expect(((await (await post()).json()) as Json).choices[0].message.content).toBe('after the retry');
  });

  it('keeps a fault without times until it is cleared', async () => {
    mock.setFault({ kind: 'status', status: 502 });
    for (let i = 0; i < 3; i++) expect((await post()).status).toBe(502);
    mock.clearFault();
    expect((await post()).status).toBe(200);
  });

  it('answers 429 with a retry-after header for rateLimit', async () => {
    mock.setFault({ kind: 'rateLimit', retryAfterSeconds: 3, times: 1 });
    const res = await post();
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(((await res.json()) as Json).error.code).toBe('rate_limit_exceeded');
  });

  it('accepts and never answers on hang, and records when the client gives up', async () => {
    mock.setFault({ kind: 'hang', times: 1 });
    const controller = new AbortController();
    const pending = post({}, controller.signal);
    await mock.waitForRequests(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(mock.lastRequest!.status).toBeUndefined();
    controller.abort();
    await expect(pending).rejects.toThrow();
    const aborted = await mock.waitForAbort(2_000);
    expect(aborted).toBe(mock.requests[0]);
    expect(aborted.abortedAt).toBeGreaterThanOrEqual(aborted.receivedAt + 100);
    expect(aborted.completedAt).toBeUndefined();
  });

  it('delays the first byte for slowFirstByte', async () => {
    mock.setFault({ kind: 'slowFirstByte', ms: 300, times: 1 });
    const started = Date.now();
    const res = await post({ stream: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(parseSse(await res.text()).at(-1)!.data).toBe('[DONE]');
  });

  it('spaces stream frames for slowChunks', async () => {
    mock.setFault({ kind: 'slowChunks', ms: 60, times: 1 });
    mock.enqueueReply({ text: 'one two three', chunks: 3 });
    const res = await post({ stream: true });
    const chunks = await readChunks(res);
    // role, three pieces, finish and [DONE]: six frames, five gaps of 60 ms.
    expect(chunks.length).toBe(6);
    expect(chunks.at(-1)!.at - chunks[0].at).toBeGreaterThanOrEqual(5 * 60 - 15);
    expect(
      parseSse(chunks.map((c) => c.text).join(''))
        .map((e) => e.data)
        .at(-1),
    ).toBe('[DONE]');
  });

  it('cuts the connection after the given number of stream frames for dropMidStream', async () => {
    mock.setFault({ kind: 'dropMidStream', afterChunks: 2, times: 1 });
    const res = await post({ stream: true });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    await expect(
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          text += decoder.decode(value, { stream: true });
        }
      })(),
    ).rejects.toThrow();
    const events = parseSse(text);
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.data !== '[DONE]')).toBe(true);
    // The mock cut the connection itself: that is not a client abort.
    expect(mock.lastRequest!.abortedAt).toBeUndefined();
  });

  it('sends half of a non-stream body, then cuts the connection, for dropMidStream', async () => {
    mock.setFault({ kind: 'dropMidStream', afterChunks: 0, times: 1 });
    const res = await post();
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it('sends unparseable SSE with no terminator, or invalid JSON, for malformed', async () => {
    mock.setFault({ kind: 'malformed', times: 2 });
    const stream = await post({ stream: true });
    expect(stream.status).toBe(200);
    const events = parseSse(await stream.text());
    expect(events.length).toBeGreaterThan(0);
    expect(events.some((e) => e.data === '[DONE]')).toBe(false);
    expect(() => events.forEach((e) => JSON.parse(e.data))).toThrow();
    const plain = await post();
    expect(plain.status).toBe(200);
    await expect(plain.json()).rejects.toMatchObject({ name: 'SyntaxError' });
  });

  it('resets the connection without any response for connectionReset', async () => {
    mock.setFault({ kind: 'connectionReset', times: 1 });
    await expect(post()).rejects.toThrow();
    expect(mock.lastRequest!.status).toBeUndefined();
    expect(mock.lastRequest!.abortedAt).toBeUndefined();
    expect((await post()).status).toBe(200);
  });

  it('does not spend faults on requests that fail auth or validation, nor on model listing', async () => {
    mock.setFault({ kind: 'status', status: 503, times: 1 });
    expect((await postJson(`${mock.url}/chat/completions`, body(), {})).status).toBe(401);
    expect((await post({ messages: [] })).status).toBe(400);
    expect((await fetch(`${mock.url}/models`, { headers: authHeaders(mock) })).status).toBe(200);
    expect((await post()).status).toBe(503);
  });

  it('rejects a fault with a non-positive times', () => {
    expect(() => mock.setFault({ kind: 'hang', times: 0 })).toThrow(RangeError);
  });

  it('serves many requests over one kept-alive connection', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const payload = JSON.stringify(body({ stream: true }));
    const reused: boolean[] = [];
    try {
      for (let i = 0; i < 5; i++) {
        const text = await new Promise<string>((resolve, reject) => {
          const req = httpRequest(
            `${mock.url}/chat/completions`,
            {
              method: 'POST',
              agent,
              headers: { ...authHeaders(mock), 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
            },
            (res) => {
              let data = '';
              res.setEncoding('utf8');
              res.on('data', (chunk: string) => (data += chunk));
              res.on('end', () => resolve(data));
            },
          );
          req.on('error', reject);
          reused.push(req.reusedSocket);
          req.end(payload);
        });
        expect(parseSse(text).at(-1)!.data).toBe('[DONE]');
      }
    } finally {
      agent.destroy();
    }
    expect(reused).toEqual([false, true, true, true, true]);
  });
});
