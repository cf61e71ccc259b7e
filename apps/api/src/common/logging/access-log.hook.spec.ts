import { get } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAccessLog } from './access-log.hook';
import { capturedLines } from './__testing__/captured-lines';
import { createRootLogger } from './root-logger.factory';

describe('registerAccessLog', () => {
  let fastify: FastifyInstance;
  let lines: Record<string, unknown>[];

  beforeEach(async () => {
    const captured = capturedLines();
    lines = captured.lines;
    let next = 0;
    fastify = Fastify({ genReqId: () => `req-${++next}` });
    registerAccessLog(fastify, createRootLogger({ level: 'info', pretty: false }, captured.destination));
    fastify.get('/v1/models', async () => ({ data: [] }));
    fastify.get('/v1/crash', async () => {
      throw new Error('secret internal detail');
    });
    fastify.get('/v1/slow', () => new Promise((resolve) => setTimeout(() => resolve({ late: true }), 300)));
    fastify.get('/v1/stream', (_request, reply) => {
      reply.hijack();
      reply.raw.writeHead(200, { 'content-type': 'text/event-stream' });
      reply.raw.write('data: {}\n\n');
      const keepAlive = setInterval(() => reply.raw.write(': keep-alive\n\n'), 20);
      reply.raw.once('close', () => clearInterval(keepAlive));
    });
    for (const path of ['/healthz', '/readyz', '/metrics', '/', '/assets/index-abc.js', '/api/me']) fastify.get(path, async () => 'ok');
    await fastify.ready();
  });
  afterEach(() => fastify.close());

  it('writes one info line per request with id, method, path, status and time; no query, no headers', async () => {
    await fastify.inject({
      method: 'GET',
      url: '/v1/models?api_key=al-in-query',
      headers: { authorization: 'Bearer al-secret-key', cookie: 'apilink_session=abc' },
    });
    expect(lines).toEqual([
      {
        level: 30,
        time: expect.any(Number),
        pid: process.pid,
        hostname: expect.any(String),
        requestId: 'req-1',
        method: 'GET',
        url: '/v1/models',
        statusCode: 200,
        responseTime: expect.any(Number),
        msg: 'request completed',
      },
    ]);
    expect(lines[0].responseTime as number).toBeGreaterThanOrEqual(0);
    const text = JSON.stringify(lines);
    for (const leaked of ['al-in-query', 'al-secret-key', 'apilink_session', 'authorization']) expect(text).not.toContain(leaked);
  });

  it('logs 5xx at error level and client errors at info', async () => {
    await fastify.inject({ method: 'GET', url: '/v1/crash' });
    await fastify.inject({ method: 'POST', url: '/v1/nope' });
    expect(lines.map((line) => [line.level, line.method, line.url, line.statusCode])).toEqual([
      [50, 'GET', '/v1/crash', 500],
      [30, 'POST', '/v1/nope', 404],
    ]);
  });

  it('skips health, readiness and metrics, with or without a query string', async () => {
    for (const url of ['/healthz', '/readyz', '/metrics', '/healthz?probe=1', '/metrics?name[]=x'])
      await fastify.inject({ method: 'GET', url });
    await fastify.inject({ method: 'GET', url: '/v1/models' });
    expect(lines.map((line) => line.url)).toEqual(['/v1/models']);
  });

  it("keeps the dashboard's files out of the info log, but not API calls or a missing file", async () => {
    for (const url of ['/', '/assets/index-abc.js', '/assets/index-abc.js?v=2', '/api/me', '/assets/missing.js'])
      await fastify.inject({ method: 'GET', url });
    expect(lines.map((line) => [line.level, line.url, line.statusCode])).toEqual([
      [30, '/api/me', 200],
      [30, '/assets/missing.js', 404],
    ]);
  });

  describe('requests the client cuts off (over a real socket: inject cannot cut a response half-way)', () => {
    let base: string;
    beforeEach(async () => {
      base = await fastify.listen({ port: 0, host: '127.0.0.1' });
    });

    /** Sends GET `path` and destroys the socket on the first body byte, or after `ms` without one. */
    function cutOff(path: string, ms: number): void {
      const request = get(`${base}${path}`, (response) => response.once('data', () => request.destroy()));
      request.on('error', () => undefined);
      setTimeout(() => request.destroy(), ms);
    }

    /** Waits for the first log line (however loaded the machine), then long enough for a second to show. */
    async function settle(): Promise<void> {
      const deadline = Date.now() + 10_000;
      while (lines.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setTimeout(resolve, 400));
    }

    it('writes a "request aborted" line with the status already sent for a stream the client left', async () => {
      cutOff('/v1/stream', 1_000);
      await settle();
      expect(lines).toEqual([
        expect.objectContaining({ level: 30, requestId: 'req-1', url: '/v1/stream', statusCode: 200, msg: 'request aborted' }),
      ]);
    });

    it('writes no status for a request cut off before its answer, and no second line when the answer comes', async () => {
      cutOff('/v1/slow', 50);
      await settle();
      expect(lines).toEqual([expect.objectContaining({ level: 30, url: '/v1/slow', statusCode: null, msg: 'request aborted' })]);
    });

    it('writes a single "request completed" line for a request that finished', async () => {
      const response = await fetch(`${base}/v1/models`);
      expect(response.status).toBe(200);
      await settle();
      expect(lines).toEqual([expect.objectContaining({ url: '/v1/models', statusCode: 200, msg: 'request completed' })]);
    });
  });
});
