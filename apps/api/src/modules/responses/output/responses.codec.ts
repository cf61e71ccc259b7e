/**
 * How a Responses request reaches each upstream: through its chat form and the upstream's own
 * adapter (every protocol), the answer read back as a Response and the chunks as Responses events.
 */
import type { BuildRequestContext, UpstreamHttpRequest } from '../../completions/adapters/upstream-adapter';
import type { CompletionContext } from '../../completions/completion-context';
import { AdapterCodec } from '../../completions/pipeline/adapter-codec';
import type { CodecAnswer, CodecEventParser, UpstreamCodec } from '../../completions/pipeline/upstream-codec';
import type { ResolvedUpstream } from '../../completions/routing/upstream-resolver';
import type { ResponseObject, ResponseStreamEvent } from '../wire/responses.types';
import { completionToResponse } from './completion-to-response';
import { ResponseEventTranslator } from './response-event-translator';
import type { ResponseStreamState } from './response-stream-state';

const ADAPTERS = new AdapterCodec();

export class ResponsesCodec implements UpstreamCodec<ResponseObject, ResponseStreamEvent> {
  constructor(private readonly state: ResponseStreamState) {}

  buildRequest(upstream: ResolvedUpstream, context: CompletionContext, build: BuildRequestContext): UpstreamHttpRequest {
    return ADAPTERS.buildRequest(upstream, context, build);
  }

  parseAnswer(upstream: ResolvedUpstream, context: CompletionContext, json: unknown): CodecAnswer<ResponseObject> {
    const { answer, usage } = ADAPTERS.parseAnswer(upstream, context, json);
    return { answer: completionToResponse(answer, this.state.request, this.state.id), usage };
  }

  createEventParser(upstream: ResolvedUpstream, context: CompletionContext): CodecEventParser<ResponseStreamEvent> {
    return new ResponseEventTranslator(ADAPTERS.createEventParser(upstream, context), this.state, context);
  }
}
