/**
 * Test support: folds streamed chunks back into messages the way OpenAI's SDKs do (content
 * appended, tool calls keyed by index with id/name from their first piece), so specs can assert
 * what a client would end up with.
 */
import type { ChatCompletionChunk, ChatCompletionFinishReason, ChatCompletionMessageToolCall } from '@apilink/contracts';

export interface AssembledChoice {
  role: string | undefined;
  content: string;
  reasoning: string;
  toolCalls: ChatCompletionMessageToolCall[];
  finishReason: ChatCompletionFinishReason | null;
}

export function assembleChunks(chunks: readonly ChatCompletionChunk[]): Map<number, AssembledChoice> {
  const choices = new Map<number, AssembledChoice>();
  for (const chunk of chunks) {
    for (const choice of chunk.choices) {
      let acc = choices.get(choice.index);
      if (!acc) {
        acc = { role: undefined, content: '', reasoning: '', toolCalls: [], finishReason: null };
        choices.set(choice.index, acc);
      }
      acc.role ??= choice.delta.role;
      acc.content += choice.delta.content ?? '';
      acc.reasoning += choice.delta.reasoning_content ?? '';
      for (const piece of choice.delta.tool_calls ?? []) {
        const call = (acc.toolCalls[piece.index] ??= { id: '', type: 'function', function: { name: '', arguments: '' } });
        if (piece.id) call.id = piece.id;
        if (piece.function?.name) call.function.name = piece.function.name;
        call.function.arguments += piece.function?.arguments ?? '';
      }
      if (choice.finish_reason) acc.finishReason = choice.finish_reason;
    }
  }
  return choices;
}
