// Decides, provider-neutrally, what the mock answers: text pieces, tool calls, finish reason and usage.
// Stream and non-stream replies render the same plan, so their content and usage always agree.
import type { MockFinishReason, MockProtocol, ScriptedReply } from './types';

/** What an adapter extracts from a request; everything the plan depends on. */
export interface RequestFacts {
  model: string;
  stream: boolean;
  /** OpenAI's stream_options.include_usage. */
  includeUsage: boolean;
  maxOutputTokens?: number;
  /** Set when the request forces a tool call (tool_choice required/named, ANY, any/tool). */
  forcedTool?: { name: string; parameters?: unknown };
  /** Characters of input text, the base of the prompt token estimate. */
  promptChars: number;
  /** The request's stop sequences (OpenAI's `stop`, Anthropic's `stop_sequences`, Gemini's `stopSequences`). */
  stopSequences?: readonly string[];
}

export interface PlannedToolCall {
  index: number;
  id?: string;
  name: string;
  args: Record<string, unknown>;
  argsJson: string;
  argPieces: string[];
}

export interface PlannedUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  cachedTokens: number;
  cacheCreationTokens: number;
}

export interface ReplyPlan {
  text: string;
  /** Scripted reasoning ('' when none), whole and in stream pieces. */
  thinking: string;
  thinkingPieces: string[];
  textPieces: string[];
  toolCalls: PlannedToolCall[];
  finishReason: MockFinishReason;
  /** The stop sequence that ended the reply: the request's, where the text reached one, else the scripted one. */
  stopSequence?: string;
  /** Undefined when the upstream is scripted to send no usage. */
  usage?: PlannedUsage;
}

export const DEFAULT_CHUNKS = 8;

export function defaultReplyText(protocol: MockProtocol): string {
  return `Mock ${protocol} reply: the quick brown fox jumps over the lazy dog.`;
}

/** Estimate used for prompts: about four characters a token, at least one. */
export function estimateTokens(chars: number): number {
  return Math.max(1, Math.ceil(chars / 4));
}

/** Splits text into at most `count` contiguous pieces of near-equal length, never inside a code point. */
export function splitIntoPieces(text: string, count: number): string[] {
  if (text.length === 0) return [];
  const codePoints = Array.from(text);
  const n = Math.max(1, Math.min(Math.floor(count), codePoints.length));
  const pieces: string[] = [];
  for (let i = 0; i < n; i++) {
    const start = Math.floor((i * codePoints.length) / n);
    const end = Math.floor(((i + 1) * codePoints.length) / n);
    pieces.push(codePoints.slice(start, end).join(''));
  }
  return pieces;
}

/** Simple arguments that satisfy a JSON schema's required properties, so forced calls look plausible. */
export function sampleArgs(schema: unknown): Record<string, unknown> {
  const value = sampleValue(schema, 0);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function sampleValue(schema: unknown, depth: number): unknown {
  if (!isRecord(schema) || depth > 5) return 'mock';
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const type = String(
    Array.isArray(schema.type) ? schema.type[0] : (schema.type ?? (schema.properties ? 'object' : 'string')),
  ).toLowerCase();
  switch (type) {
    case 'object': {
      const properties = isRecord(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? schema.required.map(String) : Object.keys(properties);
      const out: Record<string, unknown> = {};
      for (const key of required) out[key] = sampleValue(properties[key], depth + 1);
      return out;
    }
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return 'mock';
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A request's stop parameter, one string or a list of them, as a list. */
export function stopSequencesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Where a model would stop: at the first stop sequence to be complete in the text (the earlier start at a tie). */
function firstStop(text: string, sequences: readonly string[]): { index: number; sequence: string } | undefined {
  let first: { index: number; end: number; sequence: string } | undefined;
  for (const sequence of sequences) {
    const index = sequence === '' ? -1 : text.indexOf(sequence);
    if (index === -1) continue;
    const end = index + sequence.length;
    if (!first || end < first.end || (end === first.end && index < first.index)) first = { index, end, sequence };
  }
  return first;
}

export function buildReplyPlan(
  facts: RequestFacts,
  scripted: ScriptedReply | undefined,
  defaults: { protocol: MockProtocol; chunks: number },
): ReplyPlan {
  const chunks = scripted?.chunks ?? defaults.chunks;
  let text: string;
  let calls: { name: string; arguments: Record<string, unknown>; id?: string }[];
  if (scripted) {
    text = scripted.text ?? '';
    calls = scripted.toolCalls ?? [];
  } else if (facts.forcedTool) {
    text = '';
    calls = [{ name: facts.forcedTool.name, arguments: sampleArgs(facts.forcedTool.parameters) }];
  } else {
    text = defaultReplyText(defaults.protocol);
    calls = [];
  }
  // A real model stops where one of the request's stop sequences is complete: the sequence is left
  // out of the text and nothing after it (tool calls included) is generated.
  const stop = firstStop(text, facts.stopSequences ?? []);
  if (stop) {
    text = text.slice(0, stop.index);
    calls = [];
  }

  let textPieces = splitIntoPieces(text, chunks);
  let toolCalls: PlannedToolCall[] = calls.map((call, index) => {
    const argsJson = JSON.stringify(call.arguments ?? {});
    return { index, id: call.id, name: call.name, args: call.arguments ?? {}, argsJson, argPieces: splitIntoPieces(argsJson, chunks) };
  });
  let finishReason: MockFinishReason = scripted?.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop');

  // The output cap truncates like a real model: text first, then only the tool calls that fit whole.
  const cap = facts.maxOutputTokens;
  const produced = textPieces.length + toolCalls.reduce((sum, call) => sum + call.argPieces.length, 0);
  if (cap !== undefined && cap >= 0 && produced > cap) {
    textPieces = textPieces.slice(0, cap);
    let budget = cap - textPieces.length;
    toolCalls = toolCalls.filter((call) => {
      if (call.argPieces.length > budget) return false;
      budget -= call.argPieces.length;
      return true;
    });
    finishReason = 'length';
  }

  const completionTokens = textPieces.length + toolCalls.reduce((sum, call) => sum + call.argPieces.length, 0);
  const override = scripted?.usage ?? {};
  const promptTokens = override.promptTokens ?? estimateTokens(facts.promptChars);
  const completion = override.completionTokens ?? completionTokens;
  const usage: PlannedUsage | undefined = scripted?.omitUsage
    ? undefined
    : {
        promptTokens,
        completionTokens: completion,
        totalTokens: promptTokens + completion,
        cachedTokens: override.cachedTokens ?? 0,
        cacheCreationTokens: override.cacheCreationTokens ?? 0,
      };

  const thinking = scripted?.thinking ?? '';
  return {
    text: textPieces.join(''),
    thinking,
    thinkingPieces: splitIntoPieces(thinking, chunks),
    textPieces,
    toolCalls,
    finishReason,
    stopSequence: finishReason === 'stop' ? (stop?.sequence ?? scripted?.stopSequence) : undefined,
    usage,
  };
}
