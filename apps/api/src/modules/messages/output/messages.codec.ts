/**
 * How a Messages request reaches each upstream: natively to Anthropic upstreams (the body passes
 * through, the events come back as they are), and through the chat form and the upstream's adapter
 * to OpenAI-compatible and Gemini upstreams, translated back into a message or Anthropic events.
 */
import type { BuildRequestContext, UpstreamHttpRequest } from '../../completions/adapters/upstream-adapter';
import type { CompletionContext } from '../../completions/completion-context';
import { AdapterCodec } from '../../completions/pipeline/adapter-codec';
import type { CodecAnswer, CodecEventParser, UpstreamCodec } from '../../completions/pipeline/upstream-codec';
import type { ResolvedUpstream } from '../../completions/routing/upstream-resolver';
import { AnthropicEventParser } from '../passthrough/anthropic-event-parser';
import { anthropicNativeAnswer } from '../passthrough/anthropic-native-answer';
import { anthropicNativeRequest } from '../passthrough/anthropic-native-request';
import { ChunkEventTranslator } from '../translation/chunk-event-translator';
import { completionToMessage } from '../translation/completion-to-message';
import { refuseAnthropicOnly } from '../translation/anthropic-only.check';
import type { MessageObject, MessagesRequest, StreamEvent } from '../wire/anthropic-messages.types';
import { messageUsage } from './message-usage';

const ADAPTERS = new AdapterCodec();

export class MessagesCodec implements UpstreamCodec<MessageObject, StreamEvent> {
  constructor(
    private readonly request: MessagesRequest,
    /** The client's allowed `anthropic-beta` flags, for Anthropic upstreams only. */
    private readonly betas: string | null,
  ) {}

  buildRequest(upstream: ResolvedUpstream, context: CompletionContext, build: BuildRequestContext): UpstreamHttpRequest {
    if (upstream.adapter.protocol === 'anthropic') return anthropicNativeRequest(this.request, this.betas, upstream.target, build);
    refuseAnthropicOnly(this.request);
    return ADAPTERS.buildRequest(upstream, context, build);
  }

  parseAnswer(upstream: ResolvedUpstream, context: CompletionContext, json: unknown): CodecAnswer<MessageObject> {
    if (upstream.adapter.protocol === 'anthropic') return anthropicNativeAnswer(json, context);
    const { answer, usage } = ADAPTERS.parseAnswer(upstream, context, json);
    // Usage without the upstream's is counted from the delivered text, so the sink fills it in.
    const message = completionToMessage(answer, context) as MessageObject;
    if (usage) message.usage = messageUsage(usage, context);
    return { answer: message, usage };
  }

  createEventParser(upstream: ResolvedUpstream, context: CompletionContext): CodecEventParser<StreamEvent> {
    if (upstream.adapter.protocol === 'anthropic') return new AnthropicEventParser(context);
    return new ChunkEventTranslator(ADAPTERS.createEventParser(upstream, context), context);
  }
}
