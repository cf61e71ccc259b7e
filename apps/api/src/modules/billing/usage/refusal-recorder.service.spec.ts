import type { HttpAdapterHost } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { rememberErrorCode } from '../../../common/errors/sent-error-code';
import { markFundsHeld } from './funds-held';
import { refusalOf, RefusalRecorder, REFUSALS_PER_KEY_PER_SECOND, type Refusal } from './refusal-recorder.service';

const KEY = { kind: 'api-key' as const, userId: 'u-1', keyId: 'k-1', rpmLimit: 60, spendCapMicros: null };

function exchange(overrides: { method?: string; url?: string; status?: number; principal?: unknown; body?: unknown } = {}) {
  const request = {
    id: 'req-1',
    method: overrides.method ?? 'POST',
    url: overrides.url ?? '/v1/chat/completions',
    principal: 'principal' in overrides ? overrides.principal : KEY,
    body: 'body' in overrides ? overrides.body : { model: 'openai/gpt-4o-mini', messages: [] },
  } as unknown as FastifyRequest;
  const reply = { statusCode: overrides.status ?? 429, elapsedTime: 3.4 } as unknown as FastifyReply;
  return { request, reply };
}

describe('refusalOf', () => {
  it('turns a 4xx answered to a key before any hold into a refused row to be', () => {
    const { request, reply } = exchange();
    rememberErrorCode(request, 'rate_limit_exceeded');
    expect(refusalOf(request, reply)).toEqual({
      requestId: 'req-1',
      userId: 'u-1',
      keyId: 'k-1',
      model: 'openai/gpt-4o-mini',
      httpStatus: 429,
      errorCode: 'rate_limit_exceeded',
      latencyMs: 3,
      createdAt: expect.any(Date),
    });
  });

  it("records the model as requested, cut to the column's length, or '' when the body names none", () => {
    const modelFor = (body: unknown) => {
      const { request, reply } = exchange({ body });
      return refusalOf(request, reply)?.model;
    };
    expect(modelFor({ model: 'x'.repeat(300) })).toHaveLength(200);
    expect(modelFor(undefined)).toBe('');
    expect(modelFor({ model: 42 })).toBe('');
  });

  it.each([
    ['a request that got a hold (its row comes from settlement)', {}, true],
    ['a success', { status: 200 }, false],
    ['a 5xx', { status: 503 }, false],
    ['an unauthenticated 401', { status: 401, principal: undefined }, false],
    [
      'a dashboard session',
      { principal: { kind: 'session', userId: 'u-1', email: 'a@b.c', role: 'customer', passwordChangeRequired: false } },
      false,
    ],
    ['a GET (the model list)', { method: 'GET', url: '/v1/models' }, false],
    ['a route outside /v1', { url: '/api/keys' }, false],
  ])('leaves out %s', (_, overrides, held) => {
    const { request, reply } = exchange(overrides);
    if (held) markFundsHeld(request);
    expect(refusalOf(request, reply)).toBeNull();
  });
});

describe('RefusalRecorder', () => {
  /** A recorder over a database that notes the request ids of each INSERT. */
  function recorder() {
    const inserted: string[][] = [];
    const db = { query: jest.fn(async (_sql: string, [requestIds]: [string[]]) => void inserted.push(requestIds)) };
    return { inserted, recorder: new RefusalRecorder(db as unknown as DataSource, {} as HttpAdapterHost) };
  }
  const refusal = (keyId: string, index: number): Refusal => ({
    requestId: `${keyId}-${index}`,
    userId: 'u-1',
    keyId,
    model: 'openai/gpt-4o-mini',
    httpStatus: 429,
    errorCode: 'rate_limit_exceeded',
    latencyMs: 1,
    createdAt: new Date(),
  });

  it(`keeps a key's first ${REFUSALS_PER_KEY_PER_SECOND} refusals in a second, counts the rest, and writes the kept ones by shutdown`, async () => {
    const { inserted, recorder: subject } = recorder();
    for (let i = 0; i < REFUSALS_PER_KEY_PER_SECOND + 5; i++) subject.record(refusal('k-1', i));
    subject.record(refusal('k-2', 0));
    // Counted in the call that refused, not later.
    expect(subject.droppedCount).toBe(5);
    expect(inserted).toEqual([]);

    // Shutdown waits for what is queued (the batch lingers 200 ms before its INSERT).
    await subject.beforeApplicationShutdown();
    const kept = Array.from({ length: REFUSALS_PER_KEY_PER_SECOND }, (_, i) => `k-1-${i}`);
    expect(inserted.flat()).toEqual([...kept, 'k-2-0']);
  });
});
