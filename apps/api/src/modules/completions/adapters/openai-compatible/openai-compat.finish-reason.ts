import type { ChatCompletionFinishReason } from '@apilink/contracts';

const KNOWN: readonly string[] = ['stop', 'length', 'tool_calls', 'content_filter', 'function_call'];
// Spellings some compatible servers leak from their inference engines.
const ALIASES: Record<string, ChatCompletionFinishReason> = { eos: 'stop', end_turn: 'stop', max_tokens: 'length', tool_use: 'tool_calls' };

/** Keeps OpenAI's finish reasons, maps known aliases and treats anything else as a normal stop. */
export function normalizeFinishReason(value: unknown): ChatCompletionFinishReason | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return 'stop';
  if (KNOWN.includes(value)) return value as ChatCompletionFinishReason;
  return ALIASES[value] ?? 'stop';
}
