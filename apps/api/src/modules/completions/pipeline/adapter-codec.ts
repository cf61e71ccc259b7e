/** The chat codec: each upstream's protocol adapter, reading and writing OpenAI chat objects. */
import type { ChatCompletion, ChatCompletionChunk } from '@apilink/contracts';
import type { BuildRequestContext, UpstreamHttpRequest } from '../adapters/upstream-adapter';
import type { CompletionContext } from '../completion-context';
import type { ResolvedUpstream } from '../routing/upstream-resolver';
import type { CodecAnswer, CodecEventParser, UpstreamCodec } from './upstream-codec';
import { extend } from '../../../common/objects/extend';

export class AdapterCodec implements UpstreamCodec<ChatCompletion, ChatCompletionChunk> {
  buildRequest(upstream: ResolvedUpstream, context: CompletionContext, build: BuildRequestContext): UpstreamHttpRequest {
    return upstream.adapter.buildRequest(context.request, upstream.target, build);
  }

  parseAnswer(upstream: ResolvedUpstream, context: CompletionContext, json: unknown): CodecAnswer<ChatCompletion> {
    const { completion, usage } = upstream.adapter.parseResponse(json, extend(context.response, { quirks: upstream.target.quirks }));
    return { answer: completion, usage };
  }

  createEventParser(upstream: ResolvedUpstream, context: CompletionContext): CodecEventParser<ChatCompletionChunk> {
    return upstream.adapter.createStreamParser(extend(context.response, { quirks: upstream.target.quirks }));
  }
}
