/** Builds the OpenAI envelopes every adapter returns, stamped with the caller's id, model and time. */
import type {
  ChatCompletion,
  ChatCompletionChoice,
  ChatCompletionChunk,
  ChatCompletionChunkChoice,
  CompletionUsage,
} from '@apilink/contracts';
import type { ResponseContext } from '../upstream-adapter';

export function createCompletion(
  ctx: ResponseContext,
  choices: ChatCompletionChoice[],
  usage: CompletionUsage | undefined,
): ChatCompletion {
  const completion: ChatCompletion = {
    id: ctx.id,
    object: 'chat.completion',
    created: ctx.created,
    model: ctx.model,
    choices,
  };
  if (usage) completion.usage = usage;
  return completion;
}

export function createChunk(ctx: ResponseContext, choices: ChatCompletionChunkChoice[]): ChatCompletionChunk {
  return { id: ctx.id, object: 'chat.completion.chunk', created: ctx.created, model: ctx.model, choices };
}

/** The final chunk OpenAI sends when the client asked for `stream_options.include_usage`. */
export function createUsageChunk(ctx: ResponseContext, usage: CompletionUsage): ChatCompletionChunk {
  return { ...createChunk(ctx, []), usage };
}
