/**
 * Claude Code's stop_sequences on models served by OpenAI-compatible upstreams, through the
 * translated /v1/messages. Each mock stops where its reply reaches one of the sequences, as real
 * servers do (finish_reason "stop", the text cut before it). vLLM names the sequence in the choice's
 * `stop_reason` and SGLang in `matched_stop`: the client gets stop_reason "stop_sequence" with that
 * sequence, streamed and not. OpenAI names none, so a stop on a sequence looks like a natural end
 * and the client gets end_turn.
 */
import type Anthropic from '@anthropic-ai/sdk';
import { startMockUpstream, type MockOpenAiServer, type MockUpstream } from '@apilink/mock-upstream';
import { providerEnv, useGateway } from '../completions/support/gateway-harness';
import { writeRoutesFile } from '../completions/support/routes-file';
import { anthropicClient } from './support/anthropic-client';
import { eventSequenceProblems, type RawEvent } from './support/event-sequence';

const SELF_HOSTED: readonly { server: MockOpenAiServer; model: string }[] = [
  { server: 'vllm', model: 'together/meta-llama/Llama-3.3-70B-Instruct-Turbo' },
  { server: 'sglang', model: 'deepinfra/meta-llama/Llama-3.3-70B-Instruct-Turbo' },
];
const STOP_SEQUENCES = ['###', 'END'];
const REPLY = 'One two END three';
const COUNT = [{ role: 'user' as const, content: 'Count' }];

describe('stop_sequences on /v1/messages translated to OpenAI-compatible upstreams', () => {
  const selfHosted = new Map<MockOpenAiServer, MockUpstream>();
  const gw = useGateway({
    env: async (mocks) => {
      for (const { server } of SELF_HOSTED) selfHosted.set(server, await startMockUpstream({ protocol: 'openai', openAiServer: server }));
      const upstreams = Object.fromEntries(
        SELF_HOSTED.map(({ server }) => [
          server,
          { protocol: 'openai', baseUrl: selfHosted.get(server)!.url, apiKey: selfHosted.get(server)!.apiKey },
        ]),
      );
      const routes = Object.fromEntries(SELF_HOSTED.map(({ server, model }) => [model, [server]]));
      return { ...providerEnv(mocks), ROUTES_FILE: writeRoutesFile({ upstreams, routes }) };
    },
  });
  afterAll(() => Promise.all([...selfHosted.values()].map((mock) => mock.close())));
  beforeEach(() => selfHosted.forEach((mock) => mock.reset()));

  let client: Anthropic;
  beforeAll(() => {
    client = anthropicClient(gw.testApp, gw.customer.session.apiKey);
  });

  /** A streamed call's raw events (checked for order) and the message the SDK assembled from them. */
  async function streamed(params: Anthropic.MessageCreateParamsNonStreaming): Promise<{ delta: RawEvent; message: Anthropic.Message }> {
    const stream = client.messages.stream(params);
    const events: RawEvent[] = [];
    for await (const event of stream) events.push(event as unknown as RawEvent);
    expect(eventSequenceProblems(events)).toEqual([]);
    return { delta: events.find((event) => event.type === 'message_delta')!, message: await stream.finalMessage() };
  }

  describe.each(SELF_HOSTED)('served by $server', ({ server, model }) => {
    const mock = () => selfHosted.get(server)!;
    const params = { model, max_tokens: 50, stop_sequences: STOP_SEQUENCES, messages: COUNT };

    it('answers stop_reason "stop_sequence" with the sequence the upstream stopped on', async () => {
      mock().enqueueReply({ text: REPLY });
      const message = await client.messages.create(params);
      expect((mock().lastRequest?.body as { stop?: unknown }).stop).toEqual(STOP_SEQUENCES);
      expect(message).toMatchObject({ content: [{ type: 'text', text: 'One two ' }], stop_reason: 'stop_sequence', stop_sequence: 'END' });
    });

    it('carries stop_reason and stop_sequence on the message_delta event of a stream', async () => {
      mock().enqueueReply({ text: REPLY });
      const { delta, message } = await streamed(params);
      expect(delta.delta).toEqual({ stop_reason: 'stop_sequence', stop_sequence: 'END' });
      expect(message).toMatchObject({ content: [{ type: 'text', text: 'One two ' }], stop_reason: 'stop_sequence', stop_sequence: 'END' });
    });

    it('answers end_turn when the reply ends before any of the sequences, streamed and not', async () => {
      mock().enqueueReply({ text: 'All done.' }, { text: 'All done.' });
      const message = await client.messages.create(params);
      expect(message).toMatchObject({ stop_reason: 'end_turn', stop_sequence: null });
      const { delta } = await streamed(params);
      expect(delta.delta).toEqual({ stop_reason: 'end_turn', stop_sequence: null });
    });
  });

  describe('served by OpenAI, which does not say which sequence stopped it', () => {
    const params = { model: 'openai/gpt-4o-mini', max_tokens: 50, stop_sequences: STOP_SEQUENCES, messages: COUNT };

    it('answers the cut text with end_turn, streamed and not, as it cannot tell a stop sequence from a natural end', async () => {
      gw.mocks.openai.enqueueReply({ text: REPLY }, { text: REPLY });
      const message = await client.messages.create(params);
      expect((gw.mocks.openai.lastRequest?.body as { stop?: unknown }).stop).toEqual(STOP_SEQUENCES);
      expect(message).toMatchObject({ content: [{ type: 'text', text: 'One two ' }], stop_reason: 'end_turn', stop_sequence: null });
      const { delta } = await streamed(params);
      expect(delta.delta).toEqual({ stop_reason: 'end_turn', stop_sequence: null });
    });
  });
});
