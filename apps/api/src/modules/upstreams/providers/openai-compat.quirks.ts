/**
 * How one OpenAI-compatible provider deviates from OpenAI's Chat Completions API. Providers differ
 * by data, not code: the request mapper and stream parser read this record, and every record —
 * built-in or loaded from configuration — passes validateQuirks() so a typo fails at boot.
 */
import { CHAT_COMPLETION_REQUEST_PARAMS, type ChatCompletionRequestParam } from '@apilink/contracts';

/**
 * - `stream_options`: accepts `stream_options.include_usage`, which the gateway always sends.
 * - `always`: sends usage in its last chunk unasked (and may reject stream_options).
 * - `never`: reports no usage when streaming; the caller counts tokens itself.
 */
export type StreamUsageMode = 'stream_options' | 'always' | 'never';

export interface OpenAiCompatQuirks {
  /** Sent under another name, e.g. `{ max_completion_tokens: 'max_tokens' }`, `{ seed: 'random_seed' }`. */
  readonly renameParams: Readonly<Partial<Record<ChatCompletionRequestParam, string>>>;
  /** Removed silently: the provider would reject them and ignoring them changes little. */
  readonly dropParams: readonly ChatCompletionRequestParam[];
  /** Refused with UnsupportedParameterError: ignoring them would change the answer's meaning. */
  readonly rejectParams: readonly ChatCompletionRequestParam[];
  readonly streamUsage: StreamUsageMode;
  /** Providers predating the `developer` role get it as `system`. */
  readonly developerRole: 'developer' | 'system';
  /** Text-only content arrays become plain strings, for providers that only accept strings. */
  readonly flattenTextContent: boolean;
  /** completion_tokens excludes completion_tokens_details.reasoning_tokens (xAI): add them back. */
  readonly reasoningTokensOutsideCompletion: boolean;
  /**
   * Serves OpenAI's Responses API on `/responses`: POST /v1/responses passes through natively
   * (reasoning items with encrypted_content survive the round trip) instead of being translated
   * to chat completions. Off unless set: most compatible hosts (DeepSeek, Mistral, xAI, Groq...)
   * serve only chat completions, and an account without a preset cannot be assumed to serve it.
   */
  readonly responsesApi: boolean;
  /**
   * Its `/embeddings` accepts `dimensions` (shortened vectors). False (Mistral's mistral-embed, fixed
   * 1024): a request with `dimensions` gets a 400 naming it, since dropping it would change the
   * answer's shape (vectors of another size than asked for).
   */
  readonly embeddingDimensions: boolean;
}

/**
 * OpenAI's own chat behaviour; also the base that partial quirk records override. The one
 * exception is `responsesApi`, false here and true in the `openai` preset (see its comment).
 */
export const OPENAI_QUIRKS: OpenAiCompatQuirks = Object.freeze({
  renameParams: {},
  dropParams: [],
  rejectParams: [],
  streamUsage: 'stream_options',
  developerRole: 'developer',
  flattenTextContent: false,
  reasoningTokensOutsideCompletion: false,
  responsesApi: false,
  embeddingDimensions: true,
});

const QUIRK_KEYS = Object.keys(OPENAI_QUIRKS) as (keyof OpenAiCompatQuirks)[];
const PARAMS: readonly string[] = CHAT_COMPLETION_REQUEST_PARAMS;
// The gateway owns these: renaming or dropping them would break streaming itself.
const RESERVED_PARAMS = ['stream', 'stream_options'];

/**
 * Validates a (possibly partial) quirks record from code or configuration and fills the rest
 * from OpenAI's behaviour. Throws one Error listing every problem, unknown keys included.
 */
export function validateQuirks(raw: unknown, label = 'quirks'): OpenAiCompatQuirks {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error(`${label}: expected an object`);
  }
  const input = raw as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(input)) {
    if (!(QUIRK_KEYS as string[]).includes(key)) problems.push(`unknown key "${key}"`);
  }
  const merged = { ...OPENAI_QUIRKS, ...input } as Record<string, unknown>;

  const renameParams = merged.renameParams;
  if (typeof renameParams !== 'object' || renameParams === null || Array.isArray(renameParams)) {
    problems.push('renameParams must be an object');
  } else {
    for (const [from, to] of Object.entries(renameParams)) {
      if (!isRenamable(from)) problems.push(`renameParams: "${from}" is not a renamable request parameter`);
      if (typeof to !== 'string' || !/^[a-z][a-z0-9_]*$/.test(to)) {
        problems.push(`renameParams.${from}: target must be a snake_case name`);
      }
    }
  }
  const dropParams = checkParamList(merged.dropParams, 'dropParams', problems);
  const rejectParams = checkParamList(merged.rejectParams, 'rejectParams', problems);
  for (const param of dropParams.filter((p) => rejectParams.includes(p))) {
    problems.push(`"${param}" cannot be both dropped and rejected`);
  }
  if (!['stream_options', 'always', 'never'].includes(merged.streamUsage as string)) {
    problems.push('streamUsage must be "stream_options", "always" or "never"');
  }
  if (merged.developerRole !== 'developer' && merged.developerRole !== 'system') {
    problems.push('developerRole must be "developer" or "system"');
  }
  for (const key of ['flattenTextContent', 'reasoningTokensOutsideCompletion', 'responsesApi', 'embeddingDimensions'] as const) {
    if (typeof merged[key] !== 'boolean') problems.push(`${key} must be a boolean`);
  }
  if (problems.length > 0) throw new Error(`${label}: ${problems.join('; ')}`);
  return Object.freeze(merged as unknown as OpenAiCompatQuirks);
}

function isRenamable(param: string): boolean {
  return PARAMS.includes(param) && !RESERVED_PARAMS.includes(param);
}

function checkParamList(value: unknown, key: string, problems: string[]): string[] {
  if (!Array.isArray(value)) {
    problems.push(`${key} must be an array`);
    return [];
  }
  for (const param of value) {
    if (typeof param !== 'string' || !isRenamable(param)) {
      problems.push(`${key}: "${String(param)}" is not a request parameter the gateway forwards`);
    }
  }
  return value.filter((param): param is string => typeof param === 'string');
}
