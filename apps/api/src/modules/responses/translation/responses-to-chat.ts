/**
 * The chat form of a Responses request: what admission, the hold and the chat adapters work from.
 * `instructions` becomes a system message, input items become messages (consecutive function_call
 * items one assistant turn with several tool calls), `text.format` a response_format. Reasoning
 * items have no chat equivalent and are left out: a translated upstream reasons afresh each turn.
 */
import type {
  ChatCompletionContentPart,
  ChatCompletionMessageParam,
  ChatCompletionRequest,
  ChatCompletionToolChoice,
  ResponseFormat,
} from '@apilink/contracts';
import type { InputContentPart, InputItem, ResponsesRequest, ResponsesToolChoice, TextFormat } from '../wire/responses.types';

export function responsesToChat(request: ResponsesRequest): ChatCompletionRequest {
  const messages: ChatCompletionMessageParam[] = [];
  if (request.instructions) messages.push({ role: 'system', content: request.instructions });
  if (typeof request.input === 'string') messages.push({ role: 'user', content: request.input });
  else for (const item of request.input) appendItem(messages, item);

  const chat: ChatCompletionRequest = { model: request.model, messages };
  if (request.tools?.length) {
    chat.tools = request.tools.map((tool) => ({
      type: 'function',
      function: {
        name: tool.name,
        ...(tool.description ? { description: tool.description } : {}),
        ...(tool.parameters ? { parameters: tool.parameters } : {}),
        ...(tool.strict != null ? { strict: tool.strict } : {}),
      },
    }));
  }
  if (request.tool_choice !== undefined) chat.tool_choice = toolChoice(request.tool_choice);
  if (request.parallel_tool_calls != null) chat.parallel_tool_calls = request.parallel_tool_calls;
  if (request.max_output_tokens != null) chat.max_completion_tokens = request.max_output_tokens;
  if (request.temperature != null) chat.temperature = request.temperature;
  if (request.top_p != null) chat.top_p = request.top_p;
  if (request.reasoning?.effort) chat.reasoning_effort = request.reasoning.effort;
  const format = request.text?.format ? responseFormat(request.text.format) : undefined;
  if (format) chat.response_format = format;
  if (request.stream) chat.stream = true;
  return chat;
}

function appendItem(messages: ChatCompletionMessageParam[], item: InputItem): void {
  switch (item.type) {
    case 'function_call': {
      const call = { id: item.call_id, type: 'function' as const, function: { name: item.name, arguments: item.arguments } };
      const last = messages[messages.length - 1];
      // Parallel calls arrive as consecutive items; chat carries them on one assistant message.
      if (last?.role === 'assistant' && last.tool_calls) last.tool_calls.push(call);
      else messages.push({ role: 'assistant', content: null, tool_calls: [call] });
      return;
    }
    case 'function_call_output':
      messages.push({
        role: 'tool',
        tool_call_id: item.call_id,
        content: typeof item.output === 'string' ? item.output : textOf(item.output),
      });
      return;
    case 'reasoning':
      return;
    default: {
      const role = item.role;
      if (role === 'assistant') {
        messages.push({ role, content: typeof item.content === 'string' ? item.content : textOf(item.content) });
      } else if (role === 'user') {
        messages.push({ role, content: typeof item.content === 'string' ? item.content : item.content.map(userPart) });
      } else {
        messages.push({ role, content: typeof item.content === 'string' ? item.content : textOf(item.content) });
      }
    }
  }
}

function userPart(part: InputContentPart): ChatCompletionContentPart {
  if (part.type === 'input_image') {
    return { type: 'image_url', image_url: { url: part.image_url ?? '', ...(part.detail ? { detail: part.detail } : {}) } };
  }
  return { type: 'text', text: part.type === 'refusal' ? part.refusal : part.text };
}

function textOf(parts: InputContentPart[]): string {
  return parts.map((part) => (part.type === 'refusal' ? part.refusal : part.type === 'input_image' ? '' : part.text)).join('');
}

function toolChoice(choice: ResponsesToolChoice): ChatCompletionToolChoice {
  return typeof choice === 'string' ? choice : { type: 'function', function: { name: choice.name } };
}

function responseFormat(format: TextFormat): ResponseFormat | undefined {
  if (format.type === 'json_object') return { type: 'json_object' };
  if (format.type === 'json_schema') {
    return {
      type: 'json_schema',
      json_schema: {
        name: format.name,
        schema: format.schema,
        ...(format.description ? { description: format.description } : {}),
        ...(format.strict != null ? { strict: format.strict } : {}),
      },
    };
  }
  return undefined;
}
