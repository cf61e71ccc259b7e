import { EventEmitter } from 'node:events';
import type { FastifyReply } from 'fastify';
import { SseWriter } from './sse-writer';

class FakeResponse extends EventEmitter {
  written: string[] = [];
  status = 0;
  headers: Record<string, string> = {};
  destroyed = false;
  ended = false;
  writeHead(status: number, headers: Record<string, string>) {
    this.status = status;
    this.headers = headers;
  }
  write(data: string) {
    this.written.push(data);
    return true;
  }
  end() {
    this.ended = true;
  }
}

function writer(keepAliveMs = 1000) {
  const raw = new FakeResponse();
  const reply = { raw, hijack: jest.fn(), getHeaders: () => ({ 'x-request-id': 'req-1' }) } as unknown as FastifyReply;
  return { raw, reply, sse: new SseWriter(reply, keepAliveMs) };
}

const chunk = (content: string) => ({
  id: 'c',
  object: 'chat.completion.chunk' as const,
  created: 1,
  model: 'm',
  choices: [{ index: 0, delta: { content }, finish_reason: null }],
});

describe('SseWriter', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sends nothing, not even headers, until the first write', () => {
    const { raw, sse } = writer();
    sse.startKeepAlive();
    expect(sse.headersSent).toBe(false);
    expect(raw.written).toEqual([]);
  });

  it('writes each chunk as one data event with the SSE headers and the request id', () => {
    const { raw, reply, sse } = writer();
    sse.writeChunk(chunk('Hi'));
    expect(reply.hijack).toHaveBeenCalled();
    expect(raw.status).toBe(200);
    expect(raw.headers).toMatchObject({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-request-id': 'req-1',
    });
    expect(raw.written).toEqual([`data: ${JSON.stringify(chunk('Hi'))}\n\n`]);
  });

  it('sends a keep-alive comment after each silent interval, and none while data flows', () => {
    const { raw, sse } = writer(1000);
    sse.startKeepAlive();
    jest.advanceTimersByTime(999);
    expect(raw.written).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(raw.written).toEqual([': keep-alive\n\n']);
    jest.advanceTimersByTime(600);
    sse.writeChunk(chunk('a'));
    jest.advanceTimersByTime(900);
    expect(raw.written.filter((data) => data.startsWith(':'))).toHaveLength(1);
    jest.advanceTimersByTime(100);
    expect(raw.written.filter((data) => data.startsWith(':'))).toHaveLength(2);
  });

  it('ends with [DONE] and stops the clock', () => {
    const { raw, sse } = writer(1000);
    sse.startKeepAlive();
    sse.writeChunk(chunk('a'));
    sse.end();
    jest.advanceTimersByTime(5000);
    expect(raw.written[raw.written.length - 1]).toBe('data: [DONE]\n\n');
    expect(raw.ended).toBe(true);
    expect(raw.written.some((data) => data.startsWith(':'))).toBe(false);
  });

  it('reports an error in-band and ends without [DONE]', () => {
    const { raw, sse } = writer();
    sse.writeChunk(chunk('a'));
    sse.fail({ error: { message: 'broken', type: 'api_error', param: null, code: 'upstream_error', request_id: 'req-1' } });
    expect(raw.written[raw.written.length - 1]).toBe(
      'data: {"error":{"message":"broken","type":"api_error","param":null,"code":"upstream_error","request_id":"req-1"}}\n\n',
    );
    expect(raw.written).not.toContain('data: [DONE]\n\n');
    expect(raw.ended).toBe(true);
  });

  it('waits for the client to drain before the next chunk when the socket buffer is full', async () => {
    const { raw, sse } = writer();
    raw.write = (data: string) => (raw.written.push(data), false);
    const pending = sse.writeChunk(chunk('a'));
    expect(pending).toBeInstanceOf(Promise);
    raw.emit('drain');
    await expect(pending).resolves.toBeUndefined();
  });

  it('writes another wire format through its own frames: keep-alive, events, error, and no [DONE]', () => {
    const raw = new FakeResponse();
    const reply = { raw, hijack: jest.fn(), getHeaders: () => ({}) } as unknown as FastifyReply;
    const sse = new SseWriter(reply, 1000, { keepAlive: 'event: ping\ndata: {"type":"ping"}\n\n', done: '' });
    sse.startKeepAlive();
    jest.advanceTimersByTime(1000);
    sse.writeFrame('event: a\ndata: {}\n\n');
    sse.end();
    expect(raw.written).toEqual(['event: ping\ndata: {"type":"ping"}\n\n', 'event: a\ndata: {}\n\n']);
    expect(raw.ended).toBe(true);

    const failed = writer();
    failed.sse.failWithFrame('event: error\ndata: {}\n\n');
    expect(failed.raw.written).toEqual(['event: error\ndata: {}\n\n']);
    expect(failed.raw.ended).toBe(true);
  });
});
