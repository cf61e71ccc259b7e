import type { ChatCompletionFinishReason } from '@apilink/contracts';

const FILTERED = ['SAFETY', 'RECITATION', 'PROHIBITED_CONTENT', 'BLOCKLIST', 'SPII', 'IMAGE_SAFETY'];

/** Maps Gemini's finishReason; a normal stop that produced function calls is OpenAI's tool_calls. */
export function mapGeminiFinishReason(reason: string, producedToolCalls: boolean): ChatCompletionFinishReason {
  if (reason === 'MAX_TOKENS') return 'length';
  if (FILTERED.includes(reason)) return 'content_filter';
  return producedToolCalls ? 'tool_calls' : 'stop';
}
