/**
 * The Responses event stream: `event: <type>` frames, keep-alive comments while the upstream is
 * silent, and a failure after the stream started as `response.failed` (with the error) and `error`.
 */
import { renderError } from '../../../common/errors/error-envelope.mapper';
import type { CompletionContext } from '../../completions/completion-context';
import type { EventStreamWriter } from '../../completions/pipeline/event-stream-writer';
import type { SseWriter } from '../../completions/streaming/sse-writer';
import type { ResponseStreamEvent } from '../wire/responses.types';
import { responseEventFrame } from './response-event-frame';
import type { ResponseStreamState } from './response-stream-state';
import { responseShell } from './response-shell';

export class ResponsesStreamWriter implements EventStreamWriter<ResponseStreamEvent> {
  constructor(
    private readonly sse: SseWriter,
    private readonly state: ResponseStreamState,
    private readonly context: CompletionContext,
  ) {}

  get headersSent(): boolean {
    return this.sse.headersSent;
  }

  startKeepAlive(): void {
    this.sse.startKeepAlive();
  }

  write(event: ResponseStreamEvent): Promise<void> | void {
    return this.sse.writeFrame(responseEventFrame(event));
  }

  /** response.completed (or .incomplete), the last event, was already written. */
  end(): void {
    this.sse.end();
  }

  fail(error: unknown): void {
    const { status, body } = renderError(error, this.context.requestId);
    const details = body.error;
    const code = details.code ?? details.type;
    const failed = {
      ...responseShell(this.state.request, this.state.id, this.state.createdAt, []),
      status: 'failed' as const,
      // A Response's error code is one of OpenAI's fixed list; the `error` event carries the gateway's own.
      error: { code: status === 429 ? 'rate_limit_exceeded' : status < 500 ? 'invalid_prompt' : 'server_error', message: details.message },
    };
    void this.sse.writeFrame(responseEventFrame({ type: 'response.failed', response: failed, sequence_number: this.state.nextSequence() }));
    this.sse.failWithFrame(
      responseEventFrame({
        type: 'error',
        code,
        message: details.message,
        param: details.param,
        sequence_number: this.state.nextSequence(),
      }),
    );
  }

  dispose(): void {
    this.sse.dispose();
  }
}
