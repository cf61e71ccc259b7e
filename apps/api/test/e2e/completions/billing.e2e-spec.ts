/**
 * Money on the completion path: a hold before the upstream call, then exactly one capture of the
 * real usage (or of counted tokens, flagged estimated) or one release — and the books balance.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'undici';
import { billingInvariantViolations } from '../../support/billing-invariants';
import { useGateway } from './support/gateway-harness';
import { collectStream } from './support/stream-collector';
import { waitForUsage } from './support/usage-records';

describe('billing of chat completions', () => {
  const gw = useGateway();

  const withId = () => {
    const requestId = `bill-${randomUUID()}`;
    return { requestId, options: { headers: { 'X-Request-Id': requestId } } };
  };

  it('captures the upstream usage at list price: gpt-4o-mini, 1000 in + 500 out = 450 µ$', async () => {
    gw.mocks.openai.enqueueReply({ text: 'priced', usage: { promptTokens: 1000, completionTokens: 500 } });
    const { requestId, options } = withId();
    await gw.customer.client.chat.completions.create(
      { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }], max_tokens: 1000 },
      options,
    );
    const usage = await waitForUsage(gw.testApp, requestId);
    expect(usage).toMatchObject({
      status: 'success',
      provider: 'openai',
      model: 'openai/gpt-4o-mini',
      prompt_tokens: 1000,
      completion_tokens: 500,
      cost_micros: '450',
      estimated: false,
    });
    // The hold covered the prompt plus the whole output cap.
    expect(BigInt(usage.hold_micros)).toBeGreaterThanOrEqual(600n);
  });

  it('bills a stream from the usage the gateway asked the upstream for, even when the client did not ask', async () => {
    gw.mocks.openai.enqueueReply({ text: 'streamed', usage: { promptTokens: 100, completionTokens: 20 } });
    const { requestId, options } = withId();
    const collected = await collectStream(
      await gw.customer.client.chat.completions.create(
        { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }], stream: true },
        options,
      ),
    );
    expect(collected.usageChunks).toEqual([]);
    expect(await waitForUsage(gw.testApp, requestId)).toMatchObject({
      status: 'success',
      prompt_tokens: 100,
      completion_tokens: 20,
      cost_micros: '27',
      estimated: false,
    });
    expect((gw.mocks.openai.lastRequest?.body as { stream_options?: unknown }).stream_options).toEqual({ include_usage: true });
  });

  it('prices Anthropic cache reads and writes apart, with cached tokens reported to the client', async () => {
    gw.mocks.anthropic.enqueueReply({
      text: 'cached',
      usage: { promptTokens: 1000, cachedTokens: 600, cacheCreationTokens: 100, completionTokens: 50 },
    });
    const { requestId, options } = withId();
    const completion = await gw.customer.client.chat.completions.create(
      { model: 'anthropic/claude-sonnet-4-5', messages: [{ role: 'user', content: 'Hi' }] },
      options,
    );
    expect(completion.usage).toMatchObject({ prompt_tokens: 1000, completion_tokens: 50, prompt_tokens_details: { cached_tokens: 600 } });
    // 300 × $3 + 600 × $0.30 + 100 × $3.75 + 50 × $15 per 1M tokens
    expect(await waitForUsage(gw.testApp, requestId)).toMatchObject({
      cost_micros: String(900 + 180 + 375 + 750),
      cached_tokens: 600,
      estimated: false,
    });
  });

  it('counts the tokens itself, flagged estimated, when the upstream reports no usage', async () => {
    gw.mocks.gemini.enqueueReply({ text: 'no usage from me at all', omitUsage: true });
    const { requestId, options } = withId();
    await collectStream(
      await gw.customer.client.chat.completions.create(
        { model: 'google/gemini-2.5-flash', messages: [{ role: 'user', content: 'Hi' }], stream: true },
        options,
      ),
    );
    const usage = await waitForUsage(gw.testApp, requestId);
    expect(usage).toMatchObject({ status: 'success', estimated: true });
    expect(usage.completion_tokens).toBeGreaterThan(3);
    expect(BigInt(usage.cost_micros)).toBeGreaterThan(0n);
  });

  it('releases the hold when every upstream failed (nothing charged)', async () => {
    gw.mocks.openai.setFault({ kind: 'status', status: 500, times: 1 });
    const requestId = `bill-${randomUUID()}`;
    await gw.testApp
      .http()
      .post('/v1/chat/completions')
      .set({ ...gw.customer.session.bearer(), 'X-Request-Id': requestId })
      .send({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] })
      .expect(503);
    expect(await waitForUsage(gw.testApp, requestId)).toMatchObject({ status: 'upstream_error', cost_micros: '0' });
  });

  it('bills the prompt plus the tokens delivered when the client leaves mid-stream, never the rest', async () => {
    gw.mocks.openai.setFault({ kind: 'slowChunks', ms: 200, times: 1 });
    gw.mocks.openai.enqueueReply({
      text: 'alpha beta gamma delta epsilon zeta eta theta iota kappa',
      chunks: 10,
      usage: { promptTokens: 5000, completionTokens: 5000 },
    });
    const requestId = `bill-${randomUUID()}`;
    const controller = new AbortController();
    const response = await request(`${gw.testApp.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...gw.customer.session.bearer() },
      body: JSON.stringify({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }], stream: true }),
      signal: controller.signal,
    });
    let received = '';
    await (async () => {
      for await (const piece of response.body) {
        received += piece.toString();
        if ((received.match(/"content":"[^"]+"/g) ?? []).length >= 2) controller.abort();
      }
    })().catch(() => undefined);
    const usage = await waitForUsage(gw.testApp, requestId);
    expect(usage).toMatchObject({ status: 'client_closed', estimated: true });
    expect(usage.completion_tokens).toBeGreaterThanOrEqual(1);
    expect(usage.completion_tokens).toBeLessThan(10);
    expect(usage.prompt_tokens).toBeLessThan(100);
  });

  it('keeps the books balanced and never called an upstream without a hold', async () => {
    const upstreamRequests = gw.mocks.openai.requests.length + gw.mocks.anthropic.requests.length + gw.mocks.gemini.requests.length;
    expect(
      await billingInvariantViolations({
        userIds: [gw.customer.session.user.id],
        upstream: { requests: upstreamRequests, maxAttempts: 3 },
      }),
    ).toEqual([]);
  });
});
