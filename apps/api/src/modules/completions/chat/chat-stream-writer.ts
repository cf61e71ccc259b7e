/** Chat's event stream: OpenAI chunks as `data:` events, the usage chunk when asked for, `[DONE]`. */
import type { ChatCompletionChunk } from '@apilink/contracts';
import { renderError } from '../../../common/errors/error-envelope.mapper';
import { createUsageChunk } from '../adapters/shared/openai-objects';
import type { UpstreamUsage } from '../adapters/upstream-adapter';
import { clientUsage } from '../billing/billed-usage';
import type { CompletionContext } from '../completion-context';
import type { EventStreamWriter } from '../pipeline/event-stream-writer';
import type { SseWriter } from '../streaming/sse-writer';

export class ChatStreamWriter implements EventStreamWriter<ChatCompletionChunk> {
  constructor(
    private readonly sse: SseWriter,
    private readonly context: CompletionContext,
  ) {}

  get headersSent(): boolean {
    return this.sse.headersSent;
  }

  startKeepAlive(): void {
    this.sse.startKeepAlive();
  }

  write(chunk: ChatCompletionChunk): Promise<void> | void {
    return this.sse.writeChunk(chunk);
  }

  end(usage: UpstreamUsage | null): void {
    const { context } = this;
    if (context.request.stream_options?.include_usage) {
      this.sse.writeChunk(createUsageChunk(context.response, clientUsage(context.admitted, { usage, delivered: context.outcome.delivered })));
    }
    this.sse.end();
  }

  fail(error: unknown): void {
    this.sse.fail(renderError(error, this.context.requestId).body);
  }

  dispose(): void {
    this.sse.dispose();
  }
}
