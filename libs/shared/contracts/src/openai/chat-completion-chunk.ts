/** One `data:` event of a streamed chat completion. */
import type { ChatCompletionFinishReason } from './chat-completion';
import type { CompletionUsage } from './completion-usage';

/** A piece of a tool call: the first piece of each call carries id, type and name; later ones only argument text. */
export interface ChatCompletionChunkToolCall {
  index: number;
  id?: string;
  type?: 'function';
  function?: { name?: string; arguments?: string };
}

export interface ChatCompletionChunkDelta {
  role?: 'assistant';
  content?: string | null;
  refusal?: string | null;
  tool_calls?: ChatCompletionChunkToolCall[];
  /** Not OpenAI's: streamed reasoning text of DeepSeek, xAI and others, passed through from compatible upstreams. */
  reasoning_content?: string | null;
}

export interface ChatCompletionChunkChoice {
  index: number;
  delta: ChatCompletionChunkDelta;
  finish_reason: ChatCompletionFinishReason | null;
  logprobs?: unknown;
  /**
   * ApiLink extension: the client's stop sequence that ended this choice, when the upstream says
   * which (vLLM's `stop_reason`, SGLang's `matched_stop`); OpenAI and Gemini never do.
   */
  matched_stop?: string;
}

export interface ChatCompletionChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  /** Empty on the final usage-only chunk. */
  choices: ChatCompletionChunkChoice[];
  /** Only on the usage-only chunk that `stream_options.include_usage` asks for. */
  usage?: CompletionUsage | null;
  system_fingerprint?: string | null;
}
