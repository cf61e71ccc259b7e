/** The output of POST /v1/chat/completions: OpenAI chat JSON, or `data:` chunks ending in `[DONE]`. */
import type { ChatCompletion, ChatCompletionChunk } from '@apilink/contracts';
import type { FastifyReply } from 'fastify';
import { clientUsage } from '../billing/billed-usage';
import type { DeliveredOutput } from '../billing/delivered-output';
import type { CompletionContext } from '../completion-context';
import { withOpenAiDefaults } from '../openai-defaults';
import { AdapterCodec } from '../pipeline/adapter-codec';
import type { CompletionSink } from '../pipeline/completion-sink';
import type { EventStreamWriter } from '../pipeline/event-stream-writer';
import type { CodecAnswer } from '../pipeline/upstream-codec';
import { SseWriter } from '../streaming/sse-writer';
import { ChatStreamWriter } from './chat-stream-writer';

const ADAPTER_CODEC = new AdapterCodec();

export class ChatCompletionSink implements CompletionSink<ChatCompletion, ChatCompletionChunk> {
  readonly codec = ADAPTER_CODEC;

  constructor(private readonly keepAliveMs: number) {}

  recordAnswer(completion: ChatCompletion, delivered: DeliveredOutput): void {
    delivered.addCompletion(completion);
  }

  recordEvent(chunk: ChatCompletionChunk, delivered: DeliveredOutput): void {
    delivered.addChunk(chunk);
  }

  respond({ answer: completion }: CodecAnswer<ChatCompletion>, context: CompletionContext, reply: FastifyReply): void {
    // Clients always get usage (without the upstream's, the count the bill uses) and its cost.
    completion.usage = clientUsage(context.admitted, context.outcome);
    void reply
      .status(200)
      .header('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify(withOpenAiDefaults(completion)));
  }

  openStream(context: CompletionContext, reply: FastifyReply): EventStreamWriter<ChatCompletionChunk> {
    return new ChatStreamWriter(new SseWriter(reply, this.keepAliveMs), context);
  }
}
