/** Renders an echo reply in OpenAI's wire format, exactly as an OpenAI-compatible upstream sends it. */
import type { ChatCompletion, ChatCompletionChunk, CompletionUsage } from '@apilink/contracts';
import type { EchoReply } from './echo-reply';

export interface EchoIdentity {
  id: string;
  model: string;
  created: number;
}

function usageOf(reply: EchoReply): CompletionUsage {
  return {
    prompt_tokens: reply.promptTokens,
    completion_tokens: reply.completionTokens,
    total_tokens: reply.promptTokens + reply.completionTokens,
  };
}

export function echoCompletionBody(reply: EchoReply, identity: EchoIdentity): string {
  const completion: ChatCompletion = {
    id: identity.id,
    object: 'chat.completion',
    created: identity.created,
    model: identity.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: reply.toolCall ? null : reply.text,
          ...(reply.toolCall
            ? { tool_calls: [{ id: `call_echo_${identity.id.slice(-8)}`, type: 'function' as const, function: reply.toolCall }] }
            : {}),
        },
        finish_reason: reply.finishReason,
      },
    ],
    usage: usageOf(reply),
  };
  return JSON.stringify(completion);
}

/** Word-sized pieces, as a model streams them. */
function pieces(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

/** SSE frames of a streamed echo reply; the usage chunk only when `includeUsage`. */
export function echoStreamFrames(reply: EchoReply, identity: EchoIdentity, includeUsage: boolean): string[] {
  const chunk = (choices: ChatCompletionChunk['choices'], usage?: CompletionUsage): string => {
    const body: ChatCompletionChunk = {
      id: identity.id,
      object: 'chat.completion.chunk',
      created: identity.created,
      model: identity.model,
      choices,
    };
    if (usage) body.usage = usage;
    return `data: ${JSON.stringify(body)}\n\n`;
  };
  const frames = [chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }])];
  if (reply.toolCall) {
    const id = `call_echo_${identity.id.slice(-8)}`;
    frames.push(
      chunk([
        {
          index: 0,
          delta: { tool_calls: [{ index: 0, id, type: 'function', function: { name: reply.toolCall.name, arguments: '' } }] },
          finish_reason: null,
        },
      ]),
    );
    for (const piece of pieces(reply.toolCall.arguments)) {
      frames.push(chunk([{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: piece } }] }, finish_reason: null }]));
    }
  } else {
    for (const piece of pieces(reply.text)) frames.push(chunk([{ index: 0, delta: { content: piece }, finish_reason: null }]));
  }
  frames.push(chunk([{ index: 0, delta: {}, finish_reason: reply.finishReason }]));
  if (includeUsage) frames.push(chunk([], usageOf(reply)));
  frames.push('data: [DONE]\n\n');
  return frames;
}
