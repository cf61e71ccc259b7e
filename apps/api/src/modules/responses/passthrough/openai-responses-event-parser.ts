/**
 * An OpenAI upstream's Responses event stream passed through event by event: the client gets the
 * same events with the upstream's sequence numbers and item ids (reasoning items with their
 * `encrypted_content` included), its own model id in every embedded Response, and the cost added
 * to the usage of response.completed / response.incomplete, where billing reads it. An upstream
 * `error` or `response.failed` is an in-band failure; a stream without a final event was cut short.
 */
import { UpstreamProtocolError } from '../../completions/adapters/errors/upstream-protocol.error';
import { UpstreamStreamError } from '../../completions/adapters/errors/upstream-stream.error';
import { asString, isObject, parseEventJson, type JsonObject } from '../../completions/adapters/shared/json';
import type { SseEvent } from '../../completions/adapters/shared/sse-decoder';
import { SseEventParser } from '../../completions/adapters/shared/sse-event-parser';
import type { UpstreamUsage } from '../../completions/adapters/upstream-adapter';
import type { CompletionContext } from '../../completions/completion-context';
import type { CodecEventParser } from '../../completions/pipeline/upstream-codec';
import { responseUsage } from '../output/response-usage';
import type { ResponseStreamState } from '../output/response-stream-state';
import type { ResponseStreamEvent } from '../wire/responses.types';
import { responsesUpstreamUsage } from './responses-upstream-usage';

const FINAL_EVENTS = ['response.completed', 'response.incomplete'];
const RETRYABLE_CODES = ['server_error', 'rate_limit_exceeded', 'overloaded'];

export class OpenAiResponsesEventParser extends SseEventParser<ResponseStreamEvent> implements CodecEventParser<ResponseStreamEvent> {
  private reported: UpstreamUsage | null = null;
  private finished = false;

  constructor(
    private readonly state: ResponseStreamState,
    private readonly context: CompletionContext,
  ) {
    super();
  }

  get usage(): UpstreamUsage | null {
    return this.reported;
  }

  protected readEvent(event: SseEvent, out: ResponseStreamEvent[]): void {
    out.push(this.onEvent(event));
  }

  protected assertComplete(): void {
    if (!this.finished) throw new UpstreamProtocolError('OpenAI closed the Responses stream before response.completed');
  }

  private onEvent(event: SseEvent): ResponseStreamEvent {
    const payload = parseEventJson(event.data, 'OpenAI');
    const type = asString(payload.type);
    if (type === undefined || typeof payload.sequence_number !== 'number') {
      throw new UpstreamProtocolError('OpenAI sent a Responses event without a type or sequence_number');
    }
    if (type === 'error') throw streamError(payload.code, payload.message);
    const response = isObject(payload.response) ? payload.response : undefined;
    if (type === 'response.failed') throw streamError(isObject(response?.error) ? response.error.code : undefined, errorMessage(response));
    // A failure after this event continues the upstream's numbering, under its response id.
    this.state.followUpstream(typeof response?.id === 'string' ? response.id : null, payload.sequence_number);
    if (!response) return payload as ResponseStreamEvent;
    const rewritten: JsonObject = { ...response, model: this.context.response.model };
    if (FINAL_EVENTS.includes(type)) {
      this.finished = true;
      this.reported = responsesUpstreamUsage(response.usage);
      rewritten.usage = { ...(isObject(response.usage) ? response.usage : {}), ...responseUsage(this.reported, this.context) };
    }
    return { ...payload, response: rewritten } as unknown as ResponseStreamEvent;
  }
}

function errorMessage(response: JsonObject | undefined): string | undefined {
  return isObject(response?.error) ? asString(response.error.message) : undefined;
}

function streamError(code: unknown, message: unknown): UpstreamStreamError {
  const kind = asString(code);
  return new UpstreamStreamError(
    asString(message) ?? 'OpenAI reported an error mid-stream',
    kind,
    kind !== undefined && RETRYABLE_CODES.includes(kind),
  );
}
