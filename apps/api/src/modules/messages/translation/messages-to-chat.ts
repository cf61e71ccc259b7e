/**
 * The chat form of a Messages request. It drives admission (model, context length, hold) for every
 * request, and is what OpenAI-compatible and Gemini upstreams receive through their adapters.
 *
 * Where Anthropic has no chat equivalent: thinking and redacted_thinking blocks of earlier turns are
 * dropped (their signatures only mean something to Anthropic), as are `thinking`, `top_k`,
 * `metadata` and `cache_control` (hints the other upstreams cannot honour); images a tool returned
 * follow its result as a user turn, because chat tool messages carry text only.
 */
import type {
  ChatCompletionContentPart,
  ChatCompletionMessageParam,
  ChatCompletionMessageToolCall,
  ChatCompletionRequest,
  ChatCompletionTool,
  ChatCompletionToolChoice,
} from '@apilink/contracts';
import type {
  ContentBlockParam,
  ImageBlock,
  MessageParam,
  MessagesRequest,
  TextBlock,
  ToolChoiceParam,
} from '../wire/anthropic-messages.types';

export function messagesToChat(request: MessagesRequest, maxTokens: number | undefined): ChatCompletionRequest {
  const messages: ChatCompletionMessageParam[] = [];
  const system = typeof request.system === 'string' ? request.system : (request.system ?? []).map((block) => block.text).join('\n\n');
  if (system) messages.push({ role: 'system', content: system });
  for (const message of request.messages) messages.push(...toChatMessages(message));
  const chat: ChatCompletionRequest = { model: request.model, messages, stream: request.stream === true };
  if (maxTokens !== undefined) chat.max_tokens = maxTokens;
  // Anthropic's server tools only exist on Anthropic upstreams (the codec refuses them elsewhere).
  const tools = (request.tools ?? []).filter((tool) => tool.type === undefined || tool.type === 'custom');
  if (tools.length > 0) chat.tools = tools.map(toChatTool);
  if (request.tool_choice && tools.length > 0) {
    chat.tool_choice = toChatToolChoice(request.tool_choice);
    if ('disable_parallel_tool_use' in request.tool_choice && request.tool_choice.disable_parallel_tool_use)
      chat.parallel_tool_calls = false;
  }
  if (request.stop_sequences?.length) chat.stop = request.stop_sequences;
  if (request.temperature != null) chat.temperature = request.temperature;
  if (request.top_p != null) chat.top_p = request.top_p;
  // Streams always ask for usage: the client's message_delta and the bill need it.
  if (chat.stream) chat.stream_options = { include_usage: true };
  return chat;
}

function toChatMessages(message: MessageParam): ChatCompletionMessageParam[] {
  const blocks: ContentBlockParam[] = typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
  if (message.role === 'assistant') {
    const text = blocks
      .filter((block): block is TextBlock => block.type === 'text')
      .map((block) => block.text)
      .join('');
    const toolCalls: ChatCompletionMessageToolCall[] = [];
    for (const block of blocks) {
      if (block.type === 'tool_use') {
        toolCalls.push({ id: block.id, type: 'function', function: { name: block.name, arguments: JSON.stringify(block.input) } });
      }
    }
    if (!text && toolCalls.length === 0) return [];
    return [
      toolCalls.length > 0 ? { role: 'assistant', content: text || null, tool_calls: toolCalls } : { role: 'assistant', content: text },
    ];
  }
  // Tool results come first: chat requires them right after the assistant turn that called the tools.
  const out: ChatCompletionMessageParam[] = [];
  const parts: ChatCompletionContentPart[] = [];
  for (const block of blocks) {
    if (block.type === 'tool_result') {
      const content = typeof block.content === 'string' ? [{ type: 'text' as const, text: block.content }] : (block.content ?? []);
      const text = content
        .filter((part): part is TextBlock => part.type === 'text')
        .map((part) => part.text)
        .join('\n');
      out.push({ role: 'tool', tool_call_id: block.tool_use_id, content: block.is_error ? `Error: ${text}` : text });
      for (const part of content) if (part.type === 'image') parts.push(imagePart(part));
    } else if (block.type === 'text') {
      parts.push({ type: 'text', text: block.text });
    } else if (block.type === 'image') {
      parts.push(imagePart(block));
    }
  }
  if (parts.length > 0) {
    const onlyText = parts.every((part) => part.type === 'text');
    out.push({ role: 'user', content: onlyText ? parts.map((part) => (part as { text: string }).text).join('\n') : parts });
  }
  return out;
}

function imagePart(block: ImageBlock): ChatCompletionContentPart {
  const { source } = block;
  const url = source.type === 'base64' ? `data:${source.media_type};base64,${source.data}` : source.url;
  return { type: 'image_url', image_url: { url } };
}

function toChatTool(tool: NonNullable<MessagesRequest['tools']>[number]): ChatCompletionTool {
  const fn: ChatCompletionTool['function'] = { name: tool.name, parameters: tool.input_schema };
  if (tool.description) fn.description = tool.description;
  return { type: 'function', function: fn };
}

function toChatToolChoice(choice: ToolChoiceParam): ChatCompletionToolChoice {
  switch (choice.type) {
    case 'auto':
      return 'auto';
    case 'any':
      return 'required';
    case 'none':
      return 'none';
    case 'tool':
      return { type: 'function', function: { name: choice.name } };
  }
}
