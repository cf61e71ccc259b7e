/**
 * Requests refused before any hold or upstream call (402, 404, 429, 400) get a `refused` usage row
 * (no cost, no tokens, the status and code the client got), written after the answer, so that a
 * customer who quotes the request id finds it and can filter the usage log by it.
 */
import { ADMIN_ROUTES, BILLING_ROUTES, REQUEST_ID_HEADER, type Page, type UsageRecord } from '@apilink/contracts';
import OpenAI from 'openai';
import { systemActor } from '../../../src/modules/audit/audit-actor';
import { CreditAdjustmentService } from '../../../src/modules/billing/ledger/credit-adjustment.service';
import { RefusalRecorder, REFUSALS_PER_KEY_PER_SECOND } from '../../../src/modules/billing/usage/refusal-recorder.service';
import { billingInvariantViolations } from '../../support/billing-invariants';
import { eventually } from '../../support/eventually';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';
import { USD } from './billing-test-kit';

const ECHO = 'apilink/echo';
const HELLO = [{ role: 'user' as const, content: 'Hello' }];

describe('refused requests in the usage log', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp?.close());

  const client = (session: TestSession, headers: Record<string, string> = {}) =>
    new OpenAI({ apiKey: session.apiKey, baseURL: `${testApp.url}/v1`, maxRetries: 0, timeout: 30_000, defaultHeaders: headers });

  /** The SDK's error for a call that must fail, with the request id the gateway answered with. */
  async function refusal(call: Promise<unknown>): Promise<{ status: number; code: string; requestId: string }> {
    const error = await call.then(
      () => {
        throw new Error('expected a refusal');
      },
      (caught: unknown) => caught,
    );
    if (!(error instanceof OpenAI.APIError)) throw error;
    return { status: error.status!, code: String(error.code), requestId: error.headers?.get(REQUEST_ID_HEADER) ?? '' };
  }

  async function usageLog(session: TestSession, query: Record<string, string> = {}): Promise<UsageRecord[]> {
    const response = await session
      .api('get', BILLING_ROUTES.usage)
      .query({ pageSize: '100', ...query })
      .expect(200);
    return (response.body as Page<UsageRecord>).data;
  }

  it('records a 402, a 404, a 429 and a 400 as refused rows the customer can filter and look up', async () => {
    const broke = await TestSession.create(testApp, { rpm: 2 });
    const noFunds = await refusal(client(broke).chat.completions.create({ model: ECHO, messages: HELLO }));
    expect(noFunds).toMatchObject({ status: 402, code: 'insufficient_quota' });
    const unknown = await refusal(client(broke).chat.completions.create({ model: 'nobody/no-such-model', messages: HELLO }));
    expect(unknown).toMatchObject({ status: 404, code: 'model_not_found' });
    const limited = await refusal(client(broke).chat.completions.create({ model: ECHO, messages: HELLO }));
    expect(limited).toMatchObject({ status: 429, code: 'rate_limit_exceeded' });

    const funded = await TestSession.create(testApp, { credits: 5n * USD });
    const invalid = await refusal(client(funded).chat.completions.create({ model: ECHO, messages: [] }));
    expect(invalid.status).toBe(400);
    const answered = await client(funded).chat.completions.create({ model: ECHO, messages: HELLO }).withResponse();
    const answeredId = answered.response.headers.get(REQUEST_ID_HEADER);

    const refused = await eventually(async () => {
      const rows = await usageLog(broke, { status: 'refused' });
      expect(rows).toHaveLength(3);
      return rows;
    });
    const byId = new Map(refused.map((row) => [row.requestId, row]));
    expect(byId.get(noFunds.requestId)).toMatchObject({ model: ECHO, httpStatus: 402, errorCode: 'insufficient_quota' });
    expect(byId.get(unknown.requestId)).toMatchObject({ model: 'nobody/no-such-model', httpStatus: 404, errorCode: 'model_not_found' });
    expect(byId.get(limited.requestId)).toMatchObject({ model: ECHO, httpStatus: 429, errorCode: 'rate_limit_exceeded' });
    for (const row of refused) {
      expect(row).toMatchObject({
        keyId: broke.keyId,
        status: 'refused',
        provider: null,
        promptTokens: 0,
        completionTokens: 0,
        cachedTokens: 0,
        cost: { micros: '0', usd: '0.000000' },
        uncollected: { micros: '0', usd: '0.000000' },
        ttftMs: null,
      });
    }

    // The funded key's log: the refused 400 beside the answered call; each status filter keeps its own.
    await eventually(async () => expect(await usageLog(funded, { status: 'refused' })).toHaveLength(1));
    expect((await usageLog(funded)).map((row) => row.status).sort()).toEqual(['refused', 'success']);
    expect((await usageLog(funded, { status: 'success' })).map((row) => row.requestId)).toEqual([answeredId]);
    const [invalidRow] = await usageLog(funded, { status: 'refused' });
    expect(invalidRow).toMatchObject({ requestId: invalid.requestId, model: ECHO, httpStatus: 400 });

    // The id a customer quotes finds the row, for them and for staff; not for another customer.
    const lookedUp = await broke.api('get', BILLING_ROUTES.usageByRequest(limited.requestId)).expect(200);
    expect(lookedUp.body).toMatchObject({ requestId: limited.requestId, status: 'refused', httpStatus: 429 });
    await funded.api('get', BILLING_ROUTES.usageByRequest(limited.requestId)).expect(404);
    const staff = await TestSession.create(testApp, { role: 'support', withKey: false });
    const lookup = await staff.api('get', ADMIN_ROUTES.request(unknown.requestId)).expect(200);
    expect(lookup.body).toMatchObject({
      requestId: unknown.requestId,
      user: { id: broke.user.id },
      usage: { status: 'refused', httpStatus: 404, errorCode: 'model_not_found' },
    });

    // Totals count admitted requests only, unless refusals are asked for.
    const totals = await funded.api('get', BILLING_ROUTES.usageByModel).expect(200);
    expect(totals.body.data).toEqual([expect.objectContaining({ model: ECHO, requests: 1 })]);

    expect(await billingInvariantViolations({ userIds: [broke.user.id, funded.user.id] })).toEqual([]);
  });

  /** The CSV export as one record per row, keyed by the header's column names. */
  async function usageCsv(session: TestSession, query: Record<string, string> = {}): Promise<Record<string, string>[]> {
    const response = await session.api('get', BILLING_ROUTES.usageCsv).query(query).expect(200);
    const [header, ...lines] = response.text.trimEnd().split('\r\n');
    const columns = header.split(',');
    return lines.map((line) => {
      // No field here needs quoting, so a plain split is exact; a quoted one would break the count.
      const fields = line.split(',');
      expect(fields).toHaveLength(columns.length);
      return Object.fromEntries(columns.map((column, index) => [column, fields[index]]));
    });
  }

  it('exports the HTTP status and error code of refused rows to CSV, empty for answered ones', async () => {
    const session = await TestSession.create(testApp, { credits: 5n * USD, rpm: 1 });
    const answered = await client(session).chat.completions.create({ model: ECHO, messages: HELLO }).withResponse();
    const answeredId = answered.response.headers.get(REQUEST_ID_HEADER);
    const limited = await refusal(client(session).chat.completions.create({ model: ECHO, messages: HELLO }));
    expect(limited).toMatchObject({ status: 429, code: 'rate_limit_exceeded' });
    await eventually(async () => expect(await usageLog(session, { status: 'refused' })).toHaveLength(1));

    const rows = await usageCsv(session);
    expect(rows.map((row) => row.request_id).sort()).toEqual([answeredId, limited.requestId].sort());
    const byId = new Map(rows.map((row) => [row.request_id, row]));
    expect(byId.get(answeredId!)).toMatchObject({ status: 'success', http_status: '', error_code: '' });
    expect(byId.get(limited.requestId)).toMatchObject({
      status: 'refused',
      model: ECHO,
      provider: '',
      cost_micros: '0',
      http_status: '429',
      error_code: 'rate_limit_exceeded',
    });
    // The status filter narrows the export as it does the list.
    expect(await usageCsv(session, { status: 'refused' })).toEqual([byId.get(limited.requestId)]);
  });

  it('keeps both rows when a client retries a refusal with the same X-Request-Id, and charges the retry', async () => {
    const session = await TestSession.create(testApp);
    const requestId = `retry-${session.keyId}`;
    const first = await refusal(
      client(session, { [REQUEST_ID_HEADER]: requestId }).chat.completions.create({ model: ECHO, messages: HELLO }),
    );
    expect(first).toEqual({ status: 402, code: 'insufficient_quota', requestId });
    await eventually(async () => expect(await usageLog(session, { status: 'refused' })).toHaveLength(1));

    await testApp.app
      .get(CreditAdjustmentService)
      .adjust(
        { userId: session.user.id, kind: 'grant', amountMicros: 2n * USD, reason: 'test credits' },
        { actor: systemActor('test'), requestId: null },
      );
    await client(session, { [REQUEST_ID_HEADER]: requestId }).chat.completions.create({ model: ECHO, messages: HELLO });
    const rows = await eventually(async () => {
      const all = await usageLog(session);
      expect(all.map((row) => row.status).sort()).toEqual(['refused', 'success']);
      return all;
    });
    expect(rows.every((row) => row.requestId === requestId)).toBe(true);
    const success = rows.find((row) => row.status === 'success')!;
    expect(BigInt(success.cost.micros)).toBeGreaterThan(0n);
    // The lookup answers with the settled request, not the refusal it retried.
    const lookedUp = await session.api('get', BILLING_ROUTES.usageByRequest(requestId)).expect(200);
    expect(lookedUp.body.status).toBe('success');
    expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
  });

  it(`keeps at most ${REFUSALS_PER_KEY_PER_SECOND} refusals per key per second and counts the rest`, async () => {
    const recorder = testApp.app.get(RefusalRecorder);
    const session = await TestSession.create(testApp);
    const before = recorder.droppedCount;
    const startedAt = new Date();
    const storm = Array.from({ length: 3 * REFUSALS_PER_KEY_PER_SECOND }, (_, index) => ({
      requestId: `storm-${index}-${session.keyId}`,
      userId: session.user.id,
      keyId: session.keyId,
      model: ECHO,
      httpStatus: 402,
      errorCode: 'insufficient_quota',
      latencyMs: 1,
      createdAt: startedAt,
    }));
    // All within one call stack, so within one second unless the second turns over mid-loop.
    for (const refusal of storm) recorder.record(refusal);
    const dropped = recorder.droppedCount - before;
    expect(dropped).toBeGreaterThanOrEqual(REFUSALS_PER_KEY_PER_SECOND);
    const kept = await eventually(async () => {
      const rows = await usageLog(session, { status: 'refused' });
      expect(rows.length).toBe(storm.length - dropped);
      return rows;
    });
    expect(kept.length).toBeLessThanOrEqual(2 * REFUSALS_PER_KEY_PER_SECOND);
  });
});
