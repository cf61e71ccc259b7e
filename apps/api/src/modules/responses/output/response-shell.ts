/**
 * The Response object around the output: everything the client asked for echoed back as OpenAI
 * does, `store` always false (nothing is kept), and the ids the stream and the answer share.
 */
import { randomUUID } from 'node:crypto';
import type { OutputItem, ResponseObject, ResponsesRequest } from '../wire/responses.types';

/** `resp_`, `msg_`, `fc_`... and 48 hex digits, OpenAI's look. */
export function newItemId(prefix: 'resp' | 'msg' | 'fc'): string {
  return `${prefix}_${randomUUID().replace(/-/g, '')}${randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

export function responseShell(request: ResponsesRequest, id: string, createdAt: number, output: OutputItem[]): ResponseObject {
  return {
    id,
    object: 'response',
    created_at: createdAt,
    status: 'in_progress',
    error: null,
    incomplete_details: null,
    instructions: request.instructions ?? null,
    max_output_tokens: request.max_output_tokens ?? null,
    model: request.model,
    output,
    parallel_tool_calls: request.parallel_tool_calls ?? true,
    previous_response_id: null,
    reasoning: { effort: request.reasoning?.effort ?? null, summary: null },
    store: false,
    temperature: request.temperature ?? null,
    text: { format: request.text?.format ?? { type: 'text' } },
    tool_choice: request.tool_choice ?? 'auto',
    tools: (request.tools ?? []).map((tool) => ({
      type: 'function',
      name: tool.name,
      description: tool.description ?? null,
      parameters: tool.parameters ?? null,
      strict: tool.strict ?? true,
    })),
    top_p: request.top_p ?? null,
    truncation: 'disabled',
    metadata: request.metadata ?? {},
  };
}

/** How the answer ended, in the Response's terms. */
export function finishStatus(finishReason: string | null): Pick<ResponseObject, 'status' | 'incomplete_details'> {
  if (finishReason === 'length') return { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } };
  if (finishReason === 'content_filter') return { status: 'incomplete', incomplete_details: { reason: 'content_filter' } };
  return { status: 'completed', incomplete_details: null };
}
