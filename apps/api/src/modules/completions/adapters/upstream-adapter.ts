/**
 * The contract between the completions service and one upstream wire protocol. Adapters are pure
 * translators: they build the HTTP request, map JSON responses and parse SSE text, but never do I/O.
 */
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionRequest, CompletionUsage, UpstreamProtocolName } from '@apilink/contracts';
import type { OpenAiCompatQuirks } from '../../upstreams/providers/openai-compat.quirks';

export interface UpstreamTarget {
  protocol: UpstreamProtocolName;
  /** Root the protocol's paths hang off, e.g. https://api.openai.com/v1 or https://api.anthropic.com. */
  baseUrl: string;
  apiKey: string;
  /** Model id as the upstream knows it (the client's model id may be an alias). */
  upstreamModel: string;
  /** Read only by the OpenAI-compatible adapter; OpenAI's own behaviour when absent. */
  quirks?: OpenAiCompatQuirks;
}

export interface BuildRequestContext {
  stream: boolean;
  /** Sent as max_tokens where the upstream requires one (Anthropic) and the client gave none. */
  defaultMaxTokens: number;
}

export interface UpstreamHttpRequest {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  body: string;
  /**
   * Whether the upstream is expected to report token usage for this request. False only for
   * streams to providers that cannot report it; the caller must then count tokens itself. Even
   * when true, treat a null `UpstreamStreamParser.usage` at the end of a stream the same way.
   */
  usageReported: boolean;
  /**
   * Client parameters this request leaves out because the upstream cannot honour them and they are
   * only hints (sampling penalties, `seed`, `logit_bias`, `user`...); named to the client in the
   * `x-apilink-dropped-params` header. Parameters that would change the answer's shape or meaning
   * are refused with UnsupportedParameterError instead.
   */
  droppedParams: string[];
}

/** Identity of the OpenAI object the gateway returns, chosen by the caller. */
export interface ResponseContext {
  /** `chatcmpl-...` */
  id: string;
  /** The model id the client asked for, echoed in every object. */
  model: string;
  /** Unix seconds. */
  created: number;
  /** Makes tool-call ids for upstreams that do not send any (Gemini); random `call_...` by default. */
  newToolCallId?: () => string;
  /** The target's quirks; OpenAI-compatible usage accounting depends on them. OpenAI's when absent. */
  quirks?: OpenAiCompatQuirks;
}

/** Usage as billing needs it: the client-facing numbers plus what OpenAI's shape cannot carry. */
export interface UpstreamUsage {
  /** Exactly what the client sees, in the response or the usage-only chunk. */
  completionUsage: CompletionUsage;
  /**
   * Input tokens written to the provider's prompt cache (Anthropic's cache_creation_input_tokens),
   * already included in completionUsage.prompt_tokens; 0 for providers that do not bill writes.
   */
  cacheWriteTokens: number;
}

export interface ParsedCompletion {
  completion: ChatCompletion;
  /** Null when the upstream reported none; the caller counts tokens itself then. */
  usage: UpstreamUsage | null;
}

/**
 * Stateful parser of one upstream stream. Feed it text exactly as it arrives (pieces may split
 * lines, events or JSON anywhere); it returns the OpenAI chunks completed by that piece.
 *
 * Usage is never put in the returned chunks: it is captured into `usage` (including OpenAI's
 * usage-only final chunk) so billing always has it, and the caller sends `createUsageChunk()`
 * to clients that asked for `stream_options.include_usage`.
 *
 * `push` throws UpstreamStreamError when the upstream reports an error in-band and
 * UpstreamProtocolError on malformed data; `end` also throws UpstreamProtocolError when the
 * stream stopped before the upstream's terminal event (a truncated response).
 */
export interface UpstreamStreamParser {
  push(text: string): ChatCompletionChunk[];
  end(): ChatCompletionChunk[];
  readonly usage: UpstreamUsage | null;
}

export interface UpstreamErrorInfo {
  /** Upstream's message with anything key-like redacted. */
  message: string;
  type?: string;
  code?: string;
  /** True when the same request may succeed later or on another upstream (429, 5xx, overload). */
  retryable: boolean;
}

export interface UpstreamAdapter {
  readonly protocol: UpstreamProtocolName;
  /** @throws UnsupportedParameterError naming the parameter the upstream cannot honour. */
  buildRequest(req: ChatCompletionRequest, target: UpstreamTarget, ctx: BuildRequestContext): UpstreamHttpRequest;
  /** @throws UpstreamProtocolError when the body is not the upstream's response shape. */
  parseResponse(json: unknown, ctx: ResponseContext): ParsedCompletion;
  createStreamParser(ctx: ResponseContext): UpstreamStreamParser;
  /** Reads a non-2xx response body (which may not be JSON at all). */
  parseError(status: number, bodyText: string): UpstreamErrorInfo;
}
