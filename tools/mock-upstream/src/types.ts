// Public types of the mock upstreams, shared by the server, the protocol adapters and the CLI.

import type { UpstreamProtocolName } from '@apilink/contracts';

/** The mock speaks every protocol the gateway has an adapter for. */
export type MockProtocol = UpstreamProtocolName;

/**
 * The OpenAI-compatible server imitated where they differ. All end a choice on a stop sequence with
 * finish_reason "stop" and the text cut before it; OpenAI does not say which sequence, vLLM names it
 * in the choice's `stop_reason`, SGLang in `matched_stop`.
 */
export type MockOpenAiServer = 'openai' | 'vllm' | 'sglang';

/** Provider-neutral finish reasons; each adapter maps them to its own wire value. */
export type MockFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter';

export interface MockToolCall {
  name: string;
  arguments: Record<string, unknown>;
  /** Wire id of the call; a deterministic one is made when absent (Gemini has no ids). */
  id?: string;
}

/**
 * Provider-neutral usage override. `promptTokens` counts every input token, cached ones included
 * (as OpenAI's prompt_tokens and Gemini's promptTokenCount do); the Anthropic adapter subtracts
 * `cachedTokens` and `cacheCreationTokens` from it to produce `input_tokens`, as Anthropic reports them apart.
 */
export interface MockUsage {
  promptTokens?: number;
  completionTokens?: number;
  cachedTokens?: number;
  cacheCreationTokens?: number;
}

/** One scripted reply, consumed by the next generation request that passes auth, validation and faults. */
export interface ScriptedReply {
  text?: string;
  /**
   * Reasoning before the answer: an Anthropic `thinking` block with a signature (streamed as
   * thinking_delta pieces and one signature_delta), or OpenAI-compatible `reasoning_content`
   * (DeepSeek's field). Gemini does not return thoughts. Not counted in completion tokens.
   */
  thinking?: string;
  toolCalls?: MockToolCall[];
  finishReason?: MockFinishReason;
  /**
   * Reported as the stop sequence that ended the reply (Anthropic's `stop_sequence`, vLLM's and
   * SGLang's fields), with the text left as scripted; OpenAI and Gemini report a plain stop. A stop
   * sequence of the request found in the text ends the reply there without this.
   */
  stopSequence?: string;
  usage?: MockUsage;
  /** How many stream pieces the text (and each tool call's arguments) is split into. */
  chunks?: number;
  /** Simulates an upstream that reports no usage at all. */
  omitUsage?: boolean;
}

export type MockFault =
  | { kind: 'status'; status?: number; times?: number }
  | { kind: 'rateLimit'; retryAfterSeconds?: number; times?: number }
  | { kind: 'hang'; times?: number }
  | { kind: 'slowFirstByte'; ms: number; times?: number }
  | { kind: 'slowChunks'; ms: number; times?: number }
  | { kind: 'dropMidStream'; afterChunks: number; times?: number }
  | { kind: 'malformed'; times?: number }
  | { kind: 'connectionReset'; times?: number };

export interface RecordedRequest {
  method: string;
  /** Path with its query string, as received. */
  path: string;
  /** Header names are lowercased (Node does this); repeated headers are joined by Node's rules. */
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body; undefined when there was no body or it was not valid JSON. */
  body: unknown;
  rawBody: string;
  /** Epoch milliseconds. */
  receivedAt: number;
  /** Status the mock answered with; undefined while it has not answered (hang, reset). */
  status?: number;
  /** When the response was fully written. */
  completedAt?: number;
  /** When the client closed the connection before the response was fully written. */
  abortedAt?: number;
  /** The fault applied to this request, if any. */
  fault?: MockFault['kind'];
}

export interface MockUpstreamOptions {
  protocol: MockProtocol;
  /** The only key accepted; defaults to DEFAULT_MOCK_API_KEY. */
  apiKey?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** OpenAI-compatible base path (default '/v1'); DeepSeek and others differ. Ignored by the other protocols. */
  basePath?: string;
  /** The OpenAI-compatible server to imitate (default 'openai'). Ignored by the other protocols. */
  openAiServer?: MockOpenAiServer;
  /** Stream pieces per default reply (default 8). */
  chunks?: number;
  /** Models the mock knows; others get the provider's "model not found". Any model is accepted when absent. */
  models?: string[];
  /** Oldest recorded requests are dropped past this count (default 10,000), so benchmarks do not grow memory. */
  maxRecordedRequests?: number;
}
