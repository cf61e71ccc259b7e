import { QueryFailedError, type DataSource } from 'typeorm';
import type { ConfigOf } from '../../config/define-config';
import type { appConfig } from '../../config/app.config';
import type { billingConfig } from '../../config/billing.config';
import type { Hold } from './request-billing.port';
import { RequestBillingService } from './request-billing.service';

const billing = { holdTtlSeconds: 300 } as ConfigOf<typeof billingConfig>;
const app = { publicUrl: 'https://gw.example' } as ConfigOf<typeof appConfig>;

/** What `pg` rejects with when the server refuses a statement. */
function pgError(code: string): Error {
  return Object.assign(new Error('raised'), { code });
}

/** A data source whose `pg` pool answers each named statement with `query(text, values)`. */
function serviceWith(query: jest.Mock): RequestBillingService {
  const pool = {
    query: async (statement: { text: string; values: unknown[] }) => ({ rows: await query(statement.text, statement.values) }),
  };
  return new RequestBillingService({ driver: { master: pool } } as unknown as DataSource, billing, app);
}

const request = { requestId: 'r1', userId: 'u', keyId: 'k', spendCapMicros: null, amountMicros: 10n, model: 'm' };
const hold: Hold = {
  id: 'h',
  requestId: 'r1',
  userId: 'u',
  keyId: 'k',
  model: 'm',
  amountMicros: 10n,
  createdAt: new Date(),
  expiresAt: new Date(),
};

/** One row of billing_reserve_batch / billing_settle_batch that no error refused. */
const itemRow = (index: number, values: Record<string, unknown>) => ({
  item_index: index,
  error_state: null,
  error_message: null,
  ...values,
});
const refusedRow = (index: number, state: string) => ({ item_index: index, error_state: state, error_message: `raised ${state}` });
const reservedRow = (index: number, holdId: string) =>
  itemRow(index, { hold_id: holdId, created_at: new Date(0), expires_at: new Date(300_000) });

describe('RequestBillingService', () => {
  it('passes the hold to billing_reserve_batch with the configured TTL, money as decimal strings', async () => {
    const query = jest.fn().mockResolvedValue([reservedRow(0, 'h')]);
    const held = await serviceWith(query).reserve({ ...request, spendCapMicros: 5_000_000n });
    expect(query.mock.calls[0][0]).toContain('billing_reserve_batch');
    expect(JSON.parse(query.mock.calls[0][1][0])).toEqual([
      { request_id: 'r1', user_id: 'u', key_id: 'k', spend_cap: '5000000', amount: '10', model: 'm' },
    ]);
    expect(query.mock.calls[0][1][1]).toBe(300);
    expect(held).toMatchObject({ id: 'h', requestId: 'r1', amountMicros: 10n, expiresAt: new Date(300_000) });
  });

  it('sends holds asked for while a batch commits together in the next one, each answered by its own row', async () => {
    let commitFirst: (rows: unknown[]) => void = () => undefined;
    const query = jest
      .fn()
      .mockImplementationOnce(() => new Promise((resolve) => (commitFirst = resolve)))
      .mockImplementationOnce(async () => [refusedRow(1, 'AB402'), reservedRow(0, 'h2')]);
    const service = serviceWith(query);
    const first = service.reserve(request);
    const second = service.reserve({ ...request, requestId: 'r2' });
    const third = service.reserve({ ...request, requestId: 'r3' }).catch((caught: unknown) => caught);
    expect(query).toHaveBeenCalledTimes(1);
    commitFirst([reservedRow(0, 'h1')]);

    await expect(first).resolves.toMatchObject({ id: 'h1', requestId: 'r1' });
    await expect(second).resolves.toMatchObject({ id: 'h2', requestId: 'r2' });
    expect(await third).toMatchObject({ status: 402, code: 'insufficient_quota' });
    expect(query).toHaveBeenCalledTimes(2);
    expect(JSON.parse(query.mock.calls[1][1][0]).map((item: { request_id: string }) => item.request_id)).toEqual(['r2', 'r3']);
  });

  it.each([
    ['AB402', 402, 'insufficient_quota', 'Insufficient balance. Recharge at https://gw.example/credits'],
    ['AB403', 402, 'spend_cap_reached', 'This API key has reached its spend cap. Raise or remove the cap in the dashboard.'],
    ['23505', 409, 'conflict', 'This request id already holds funds'],
    ['08006', 503, 'service_unavailable', 'Billing is temporarily unavailable, so the request was not sent. Retry shortly.'],
  ])('maps SQLSTATE %s to %i %s, whether it refused the item or the whole batch', async (state, status, code, message) => {
    for (const query of [jest.fn().mockResolvedValue([refusedRow(0, state)]), jest.fn().mockRejectedValue(pgError(state))]) {
      const error = await serviceWith(query)
        .reserve(request)
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ status, code, message });
    }
  });

  it('answers 503 when the pool cannot reach the database at all', async () => {
    const error = await serviceWith(jest.fn().mockRejectedValue(new Error('connect ECONNREFUSED 127.0.0.1:5432')))
      .reserve(request)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 503, type: 'api_error' });
  });

  it('refuses negative holds and costs before touching the database', async () => {
    const query = jest.fn();
    const service = serviceWith(query);
    await expect(service.reserve({ ...request, amountMicros: -1n })).rejects.toThrow(RangeError);
    await expect(
      service.capture(hold, {
        actualCostMicros: -1n,
        promptTokens: 0,
        completionTokens: 0,
        cachedTokens: 0,
        estimated: false,
        provider: null,
        status: 'success',
        latencyMs: 1,
        ttftMs: null,
      }),
    ).rejects.toThrow(RangeError);
    expect(query).not.toHaveBeenCalled();
  });

  it('retries a settlement through a brief outage, then reports what was charged', async () => {
    const query = jest
      .fn()
      .mockRejectedValueOnce(new Error('Connection terminated unexpectedly'))
      .mockRejectedValueOnce(pgError('57P01'))
      .mockResolvedValue([itemRow(0, { settled: true, charged_micros: '7', uncollected_micros: '0' })]);
    const settled = await serviceWith(query).release(hold, { status: 'upstream_error', provider: null, latencyMs: 3, ttftMs: null });
    expect(settled).toEqual({ settled: true, chargedMicros: 7n, uncollectedMicros: 0n });
    expect(query).toHaveBeenCalledTimes(3);
    expect(query.mock.calls[2][0]).toContain('billing_settle_batch');
    expect(JSON.parse(query.mock.calls[2][1][0])).toEqual([
      {
        request_id: 'r1',
        user_id: 'u',
        key_id: 'k',
        outcome: 'released',
        actual_cost: '0',
        provider: null,
        prompt_tokens: 0,
        completion_tokens: 0,
        cached_tokens: 0,
        estimated: false,
        status: 'upstream_error',
        latency_ms: 3,
        ttft_ms: null,
        attempts: null,
      },
    ]);
  });

  it('does not retry a settlement the database refused for a reason retrying cannot fix', async () => {
    const query = jest.fn().mockResolvedValue([refusedRow(0, '23514')]);
    await expect(
      serviceWith(query).capture(hold, {
        actualCostMicros: 1n,
        promptTokens: 1,
        completionTokens: 1,
        cachedTokens: 0,
        estimated: false,
        provider: 'p',
        status: 'success',
        latencyMs: 1,
        ttftMs: 1,
      }),
    ).rejects.toBeInstanceOf(QueryFailedError);
    expect(query).toHaveBeenCalledTimes(1);
  });
});
