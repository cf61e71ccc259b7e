/** A chat completion from an OpenAI-compatible or Gemini upstream as an Anthropic message. */
import type { ChatCompletion } from '@apilink/contracts';
import type { CompletionContext } from '../../completions/completion-context';
import type { MessageObject, ResponseContentBlock } from '../wire/anthropic-messages.types';
import { messageIdOf } from './message-id';
import { stopReasonOf } from './stop-reason';
import { stopSequencesOf } from './stop-sequences';
import { toolInputOf } from './tool-input';

/** Usage is filled in by the sink (it may need the delivered output counted). */
export function completionToMessage(completion: ChatCompletion, context: CompletionContext): Omit<MessageObject, 'usage'> {
  const choice = completion.choices[0];
  const content: ResponseContentBlock[] = [];
  const message = choice?.message;
  // Thinking from OpenAI-compatible reasoning models carries no Anthropic signature.
  if (message?.reasoning_content) content.push({ type: 'thinking', thinking: message.reasoning_content, signature: '' });
  if (message?.content) content.push({ type: 'text', text: message.content });
  for (const call of message?.tool_calls ?? []) {
    content.push({ type: 'tool_use', id: call.id, name: call.function.name, input: toolInputOf(call.function.arguments) });
  }
  return {
    id: messageIdOf(context),
    type: 'message',
    role: 'assistant',
    content,
    model: context.response.model,
    ...stopReasonOf(choice?.finish_reason, choice?.matched_stop, stopSequencesOf(context)),
  };
}
