/**
 * Maps OpenAI `messages[]` to Gemini `contents` + `systemInstruction`: assistant turns become
 * `model` turns, tool results become functionResponse parts (Gemini wants the function's name,
 * recovered from the earlier call with the same id), and same-role neighbours are merged.
 */
import type {
  ChatCompletionContentPart,
  ChatCompletionMessageParam,
  ChatCompletionMessageToolCall,
  ChatCompletionToolMessageParam,
} from '@apilink/contracts';
import { UnsupportedParameterError } from '../errors/unsupported-parameter.error';
import { guessImageMimeType, parseDataUrl } from '../shared/data-url';
import { isObject } from '../shared/json';
import { contentText } from '../shared/message-content';
import { SKIP_THOUGHT_SIGNATURE, thoughtSignatureOf } from './gemini.tool-call-id';
import type { GeminiContent, GeminiPart } from './gemini.types';

export interface GeminiConversation {
  systemInstruction?: { parts: { text: string }[] };
  contents: GeminiContent[];
}

export function mapGeminiConversation(messages: ChatCompletionMessageParam[]): GeminiConversation {
  const toolNames = new Map<string, string>();
  for (const message of messages) {
    if (message.role === 'assistant') for (const call of message.tool_calls ?? []) toolNames.set(call.id, call.function.name);
  }
  const system: { text: string }[] = [];
  const contents: GeminiContent[] = [];
  messages.forEach((message, i) => {
    if (message.role === 'system' || message.role === 'developer') {
      const text = contentText(message.content);
      if (text) system.push({ text });
      return;
    }
    const role = message.role === 'assistant' ? 'model' : 'user';
    const parts =
      message.role === 'assistant'
        ? modelParts(contentText(message.content), message.tool_calls ?? [], i)
        : message.role === 'tool'
          ? [functionResponsePart(message, toolNames, i)]
          : userParts(message.content, i);
    if (parts.length === 0) return;
    const last = contents[contents.length - 1];
    if (last && last.role === role) last.parts.push(...parts);
    else contents.push({ role, parts });
  });
  return system.length > 0 ? { systemInstruction: { parts: system }, contents } : { contents };
}

function userParts(content: string | ChatCompletionContentPart[], i: number): GeminiPart[] {
  if (typeof content === 'string') return content ? [{ text: content }] : [];
  return content.flatMap((part, j): GeminiPart[] => {
    if (part.type === 'text') return part.text ? [{ text: part.text }] : [];
    const url = part.image_url.url;
    if (url.startsWith('data:')) {
      const parsed = parseDataUrl(url);
      if (!parsed) {
        throw new UnsupportedParameterError(`messages[${i}].content[${j}].image_url.url`, 'Data URLs must be base64 encoded.');
      }
      return [{ inlineData: { mimeType: parsed.mimeType, data: parsed.data } }];
    }
    if (!/^https?:\/\//i.test(url)) {
      throw new UnsupportedParameterError(`messages[${i}].content[${j}].image_url.url`, 'Image URLs must be https or data URLs.');
    }
    return [{ fileData: { mimeType: guessImageMimeType(url), fileUri: url } }];
  });
}

function modelParts(text: string, toolCalls: ChatCompletionMessageToolCall[], i: number): GeminiPart[] {
  const parts: GeminiPart[] = text ? [{ text }] : [];
  toolCalls.forEach((call, j) => {
    const signature = thoughtSignatureOf(call.id) ?? (j === 0 ? SKIP_THOUGHT_SIGNATURE : undefined);
    const part: GeminiPart = { functionCall: { name: call.function.name, args: parseArgs(call, `messages[${i}].tool_calls[${j}]`) } };
    // Gemini 3 validates the signature of each turn's first function call; later parallel calls carry none.
    if (signature) part.thoughtSignature = signature;
    parts.push(part);
  });
  return parts;
}

function parseArgs(call: ChatCompletionMessageToolCall, path: string): Record<string, unknown> {
  try {
    const args: unknown = call.function.arguments.trim() === '' ? {} : JSON.parse(call.function.arguments);
    if (isObject(args)) return args;
  } catch {
    // Reported below with the parameter's path.
  }
  throw new UnsupportedParameterError(`${path}.function.arguments`, 'Tool call arguments must be a JSON object for this model.');
}

function functionResponsePart(message: ChatCompletionToolMessageParam, toolNames: Map<string, string>, i: number): GeminiPart {
  const name = toolNames.get(message.tool_call_id);
  if (!name) {
    throw new UnsupportedParameterError(
      `messages[${i}].tool_call_id`,
      `Tool result '${message.tool_call_id}' does not answer any earlier assistant tool call.`,
    );
  }
  const text = contentText(message.content);
  // Gemini wants an object; it reads a bare result under "output" (its documented convention).
  let response: Record<string, unknown> = { output: text };
  try {
    const parsed: unknown = JSON.parse(text);
    if (isObject(parsed)) response = parsed;
  } catch {
    // Plain-text tool output.
  }
  return { functionResponse: { name, response } };
}
