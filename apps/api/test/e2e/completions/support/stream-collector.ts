/** Reads an SDK stream to the end, checking every chunk against OpenAI's schema on the way. */
import { openAiSchemaErrors } from '@apilink/testing';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';

export interface CollectedStream {
  chunks: ChatCompletionChunk[];
  text: string;
  /** Tool calls assembled from their deltas, by index. */
  toolCalls: { id: string; name: string; arguments: string }[];
  finishReason: string | null;
  usageChunks: ChatCompletionChunk[];
  schemaErrors: string[];
}

export async function collectStream(stream: AsyncIterable<ChatCompletionChunk>): Promise<CollectedStream> {
  const collected: CollectedStream = { chunks: [], text: '', toolCalls: [], finishReason: null, usageChunks: [], schemaErrors: [] };
  for await (const chunk of stream) {
    collected.chunks.push(chunk);
    collected.schemaErrors.push(...openAiSchemaErrors('CreateChatCompletionStreamResponse', chunk));
    if (chunk.usage) collected.usageChunks.push(chunk);
    for (const choice of chunk.choices) {
      collected.text += choice.delta.content ?? '';
      for (const delta of choice.delta.tool_calls ?? []) {
        const call = (collected.toolCalls[delta.index] ??= { id: '', name: '', arguments: '' });
        call.id += delta.id ?? '';
        call.name += delta.function?.name ?? '';
        call.arguments += delta.function?.arguments ?? '';
      }
      if (choice.finish_reason) collected.finishReason = choice.finish_reason;
    }
  }
  return collected;
}
