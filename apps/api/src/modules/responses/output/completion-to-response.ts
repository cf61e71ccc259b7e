/** A chat completion (from any upstream, through its adapter) as a Response: a message item and function_call items. */
import type { ChatCompletion } from '@apilink/contracts';
import type { OutputItem, ResponseObject, ResponsesRequest } from '../wire/responses.types';
import { finishStatus, newItemId, responseShell } from './response-shell';

export function completionToResponse(completion: ChatCompletion, request: ResponsesRequest, id: string): ResponseObject {
  const choice = completion.choices[0];
  const output: OutputItem[] = [];
  const text = choice?.message.content;
  if (text) {
    output.push({
      id: newItemId('msg'),
      type: 'message',
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text, annotations: [], logprobs: [] }],
    });
  }
  for (const call of choice?.message.tool_calls ?? []) {
    output.push({
      id: newItemId('fc'),
      type: 'function_call',
      call_id: call.id,
      name: call.function.name,
      arguments: call.function.arguments,
      status: 'completed',
    });
  }
  return { ...responseShell(request, id, completion.created, output), ...finishStatus(choice?.finish_reason ?? null) };
}
