/**
 * How a Responses request reaches each upstream: natively to OpenAI upstreams that serve the
 * Responses API (quirk `responsesApi`; the body passes through, the events come back as they are),
 * and through its chat form and the upstream's own adapter to every other one (OpenAI-compatible
 * hosts without `/responses`, Anthropic, Gemini), read back as a Response and Responses events.
 */
import type { BuildRequestContext, UpstreamHttpRequest } from '../../completions/adapters/upstream-adapter';
import type { CompletionContext } from '../../completions/completion-context';
import { AdapterCodec } from '../../completions/pipeline/adapter-codec';
import type { CodecAnswer, CodecEventParser, UpstreamCodec } from '../../completions/pipeline/upstream-codec';
import type { ResolvedUpstream } from '../../completions/routing/upstream-resolver';
import { OpenAiResponsesEventParser } from '../passthrough/openai-responses-event-parser';
import { openAiResponsesNativeAnswer } from '../passthrough/openai-responses-native-answer';
import { openAiResponsesNativeRequest } from '../passthrough/openai-responses-native-request';
import type { ResponseObject, ResponseStreamEvent } from '../wire/responses.types';
import { completionToResponse } from './completion-to-response';
import { ResponseEventTranslator } from './response-event-translator';
import type { ResponseStreamState } from './response-stream-state';

const ADAPTERS = new AdapterCodec();

function servesResponses(upstream: ResolvedUpstream): boolean {
  return upstream.adapter.protocol === 'openai' && upstream.target.quirks?.responsesApi === true;
}

export class ResponsesCodec implements UpstreamCodec<ResponseObject, ResponseStreamEvent> {
  constructor(private readonly state: ResponseStreamState) {}

  buildRequest(upstream: ResolvedUpstream, context: CompletionContext, build: BuildRequestContext): UpstreamHttpRequest {
    if (servesResponses(upstream)) return openAiResponsesNativeRequest(this.state.request, upstream.target, build);
    return ADAPTERS.buildRequest(upstream, context, build);
  }

  parseAnswer(upstream: ResolvedUpstream, context: CompletionContext, json: unknown): CodecAnswer<ResponseObject> {
    if (servesResponses(upstream)) return openAiResponsesNativeAnswer(json, context);
    const { answer, usage } = ADAPTERS.parseAnswer(upstream, context, json);
    return { answer: completionToResponse(answer, this.state.request, this.state.id), usage };
  }

  createEventParser(upstream: ResolvedUpstream, context: CompletionContext): CodecEventParser<ResponseStreamEvent> {
    if (servesResponses(upstream)) return new OpenAiResponsesEventParser(this.state, context);
    return new ResponseEventTranslator(ADAPTERS.createEventParser(upstream, context), this.state, context);
  }
}
