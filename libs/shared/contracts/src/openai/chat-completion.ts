/** Response body of a non-streaming chat completion. */
import type { ChatCompletionMessageToolCall } from './chat-message-param';
import type { CompletionUsage } from './completion-usage';

export type ChatCompletionFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call';

export interface ChatCompletionMessage {
  role: 'assistant';
  content: string | null;
  refusal?: string | null;
  tool_calls?: ChatCompletionMessageToolCall[];
  /** Not OpenAI's: the reasoning text DeepSeek, xAI and others return, passed through from compatible upstreams. */
  reasoning_content?: string | null;
}

export interface ChatCompletionChoice {
  index: number;
  message: ChatCompletionMessage;
  finish_reason: ChatCompletionFinishReason | null;
  logprobs?: unknown;
  /**
   * ApiLink extension: the client's stop sequence that ended this choice, when the upstream says
   * which (vLLM's `stop_reason`, SGLang's `matched_stop`); OpenAI and Gemini never do.
   */
  matched_stop?: string;
}

export interface ChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: ChatCompletionChoice[];
  usage?: CompletionUsage;
  system_fingerprint?: string | null;
}
