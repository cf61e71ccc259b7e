/**
 * The SSE writer on the wire: keep-alive comments while the upstream is silent, each chunk written
 * as it arrives (no buffering), and a client that hangs up cancelling the upstream request at once.
 */
import { request } from 'undici';
import { providerEnv, useGateway } from './support/gateway-harness';
import { collectStream } from './support/stream-collector';

interface TimedEvent {
  at: number;
  text: string;
}

describe('streaming on the wire', () => {
  const gw = useGateway({ env: (mocks) => ({ ...providerEnv(mocks), SSE_KEEPALIVE_INTERVAL_MS: '100' }) });

  /** Posts a streaming request and records each SSE event (data or comment) with its arrival time. */
  async function streamRaw(
    body: object,
    signal?: AbortSignal,
    onEvent?: (event: TimedEvent) => void,
  ): Promise<{ events: TimedEvent[]; status: number; headers: Record<string, unknown> }> {
    const response = await request(`${gw.testApp.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...gw.customer.session.bearer() },
      body: JSON.stringify({ ...body, stream: true }),
      signal,
    });
    const events: TimedEvent[] = [];
    let buffer = '';
    for await (const piece of response.body) {
      buffer += piece.toString();
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const event = { at: Date.now(), text: buffer.slice(0, end) };
        buffer = buffer.slice(end + 2);
        events.push(event);
        onEvent?.(event);
      }
    }
    return { events, status: response.statusCode, headers: response.headers };
  }

  it('sends `: keep-alive` comments while the upstream is silent, then the answer', async () => {
    gw.mocks.anthropic.setFault({ kind: 'slowFirstByte', ms: 550, times: 1 });
    gw.mocks.anthropic.enqueueReply({ text: 'worth the wait' });
    const { events, status, headers } = await streamRaw({
      model: 'anthropic/claude-sonnet-4-5',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(status).toBe(200);
    expect(headers['content-type']).toMatch(/^text\/event-stream/);
    expect(headers['x-request-id']).toBeTruthy();
    const firstData = events.findIndex((event) => event.text.startsWith('data: '));
    const comments = events.slice(0, firstData).filter((event) => event.text === ': keep-alive');
    expect(comments.length).toBeGreaterThanOrEqual(3);
    expect(events[events.length - 1].text).toBe('data: [DONE]');
    const text = events
      .filter((event) => event.text.startsWith('data: {'))
      .map((event) => JSON.parse(event.text.slice(6)).choices[0]?.delta.content ?? '')
      .join('');
    expect(text).toBe('worth the wait');
  });

  it('the official SDK ignores keep-alive comments', async () => {
    gw.mocks.gemini.setFault({ kind: 'slowFirstByte', ms: 350, times: 1 });
    gw.mocks.gemini.enqueueReply({ text: 'still here' });
    const collected = await collectStream(
      await gw.customer.client.chat.completions.create({
        model: 'google/gemini-2.5-flash',
        messages: [{ role: 'user', content: 'Hi' }],
        stream: true,
      }),
    );
    expect(collected.text).toBe('still here');
    expect(collected.schemaErrors).toEqual([]);
  });

  it('forwards each chunk as it arrives instead of buffering the answer', async () => {
    gw.mocks.openai.setFault({ kind: 'slowChunks', ms: 150, times: 1 });
    gw.mocks.openai.enqueueReply({ text: 'a b c d e f', chunks: 6 });
    const { events } = await streamRaw({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] });
    const content = events.filter((event) => event.text.startsWith('data: {') && JSON.parse(event.text.slice(6)).choices[0]?.delta.content);
    expect(content.length).toBeGreaterThanOrEqual(5);
    // Paced by the upstream: the client saw the pieces spread over time, not in one burst at the end.
    expect(content[content.length - 1].at - content[0].at).toBeGreaterThanOrEqual(450);
  });

  it.each(['openai/gpt-4o-mini', 'anthropic/claude-sonnet-4-5', 'google/gemini-2.5-flash'])(
    'a client that hangs up mid-stream closes the upstream connection within a second (%s)',
    async (model) => {
      const mock = model.startsWith('openai') ? gw.mocks.openai : model.startsWith('anthropic') ? gw.mocks.anthropic : gw.mocks.gemini;
      mock.setFault({ kind: 'slowChunks', ms: 300, times: 1 });
      mock.enqueueReply({ text: 'this answer is long enough to take a while to stream', chunks: 10 });
      const controller = new AbortController();
      let abortedAt = 0;
      await streamRaw({ model, messages: [{ role: 'user', content: 'Hi' }] }, controller.signal, (event) => {
        if (!abortedAt && event.text.startsWith('data: {') && JSON.parse(event.text.slice(6)).choices[0]?.delta.content) {
          abortedAt = Date.now();
          controller.abort();
        }
      }).catch(() => undefined);
      expect(abortedAt).toBeGreaterThan(0);
      const upstreamRequest = await mock.waitForAbort(2000);
      expect(upstreamRequest.abortedAt! - abortedAt).toBeLessThan(1000);
    },
  );

  it('a client that hangs up before a non-streamed answer cancels the upstream request too', async () => {
    gw.mocks.openai.setFault({ kind: 'slowFirstByte', ms: 5000, times: 1 });
    const controller = new AbortController();
    const pending = request(`${gw.testApp.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...gw.customer.session.bearer() },
      body: JSON.stringify({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] }),
      signal: controller.signal,
    }).catch(() => undefined);
    await gw.mocks.openai.waitForRequests(1);
    const abortedAt = Date.now();
    controller.abort();
    await pending;
    const upstreamRequest = await gw.mocks.openai.waitForAbort(2000);
    expect(upstreamRequest.abortedAt! - abortedAt).toBeLessThan(1000);
  });
});
