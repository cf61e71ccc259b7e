/**
 * Built-in OpenAI-compatible providers: the base URL their official SDK or quickstart uses (the
 * adapter appends `/chat/completions`) and their known quirks. Records are validated when this
 * module loads, so a bad entry fails the boot rather than a request.
 *
 * Quirk sources: each provider's API reference as of 2025; `streamUsage: 'always'` marks providers
 * that put usage in their last chunk unasked and are not documented to accept stream_options.
 * Anything not listed behaves like OpenAI.
 */
import { validateQuirks, type OpenAiCompatQuirks } from '../../../upstreams/providers/openai-compat.quirks';

export interface OpenAiCompatProvider {
  readonly id: string;
  readonly name: string;
  readonly baseUrl: string;
  readonly quirks: OpenAiCompatQuirks;
}

// Most compatible servers predate `developer` and `max_completion_tokens`; both have a safe older spelling.
const LEGACY_OPENAI = { developerRole: 'system', renameParams: { max_completion_tokens: 'max_tokens' } } as const;

const RAW_PROVIDERS = {
  openai: { name: 'OpenAI', baseUrl: 'https://api.openai.com/v1', quirks: {} },
  deepseek: {
    name: 'DeepSeek',
    baseUrl: 'https://api.deepseek.com',
    quirks: { ...LEGACY_OPENAI, dropParams: ['reasoning_effort'], flattenTextContent: true },
  },
  mistral: {
    name: 'Mistral',
    baseUrl: 'https://api.mistral.ai/v1',
    // Mistral rejects unknown fields, names the seed `random_seed` and always reports stream usage.
    quirks: {
      ...LEGACY_OPENAI,
      renameParams: { max_completion_tokens: 'max_tokens', seed: 'random_seed' },
      dropParams: ['user', 'reasoning_effort', 'logit_bias'],
      rejectParams: ['logprobs', 'top_logprobs'],
      streamUsage: 'always',
    },
  },
  xai: {
    name: 'xAI',
    baseUrl: 'https://api.x.ai/v1',
    quirks: { developerRole: 'system', reasoningTokensOutsideCompletion: true },
  },
  groq: {
    name: 'Groq',
    baseUrl: 'https://api.groq.com/openai/v1',
    quirks: { developerRole: 'system', rejectParams: ['n', 'logprobs', 'top_logprobs', 'logit_bias'] },
  },
  together: {
    name: 'Together AI',
    baseUrl: 'https://api.together.xyz/v1',
    quirks: { ...LEGACY_OPENAI, streamUsage: 'always' },
  },
  fireworks: {
    name: 'Fireworks AI',
    baseUrl: 'https://api.fireworks.ai/inference/v1',
    quirks: { ...LEGACY_OPENAI, streamUsage: 'always' },
  },
  deepinfra: { name: 'DeepInfra', baseUrl: 'https://api.deepinfra.com/v1/openai', quirks: { ...LEGACY_OPENAI } },
  nebius: { name: 'Nebius AI Studio', baseUrl: 'https://api.studio.nebius.com/v1', quirks: { ...LEGACY_OPENAI } },
  cerebras: {
    name: 'Cerebras',
    baseUrl: 'https://api.cerebras.ai/v1',
    quirks: { developerRole: 'system', rejectParams: ['n', 'logit_bias'], dropParams: ['presence_penalty', 'frequency_penalty'] },
  },
  alibaba: {
    name: 'Alibaba Cloud Model Studio (Qwen)',
    baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
    quirks: { ...LEGACY_OPENAI },
  },
  moonshot: { name: 'Moonshot AI', baseUrl: 'https://api.moonshot.ai/v1', quirks: { ...LEGACY_OPENAI } },
  zai: {
    name: 'Z.ai',
    baseUrl: 'https://api.z.ai/api/paas/v4',
    quirks: { ...LEGACY_OPENAI, rejectParams: ['n'], streamUsage: 'always' },
  },
  perplexity: {
    name: 'Perplexity',
    baseUrl: 'https://api.perplexity.ai',
    // Sonar models have no function calling: silently dropping tools would answer a different question.
    quirks: {
      ...LEGACY_OPENAI,
      rejectParams: ['tools', 'tool_choice', 'n', 'logit_bias'],
      dropParams: ['parallel_tool_calls', 'seed', 'user'],
      streamUsage: 'always',
    },
  },
  cohere: {
    name: 'Cohere (Compatibility API)',
    baseUrl: 'https://api.cohere.ai/compatibility/v1',
    quirks: {
      ...LEGACY_OPENAI,
      rejectParams: ['n', 'logit_bias', 'top_logprobs'],
      dropParams: ['user', 'parallel_tool_calls', 'reasoning_effort'],
      streamUsage: 'never',
    },
  },
  openrouter: { name: 'OpenRouter', baseUrl: 'https://openrouter.ai/api/v1', quirks: {} },
} as const;

export type OpenAiCompatProviderId = keyof typeof RAW_PROVIDERS;

export const OPENAI_COMPAT_PROVIDERS: Readonly<Record<OpenAiCompatProviderId, OpenAiCompatProvider>> = Object.freeze(
  Object.fromEntries(
    Object.entries(RAW_PROVIDERS).map(([id, raw]) => [
      id,
      Object.freeze({ id, name: raw.name, baseUrl: raw.baseUrl, quirks: validateQuirks(raw.quirks, `provider ${id}`) }),
    ]),
  ) as Record<OpenAiCompatProviderId, OpenAiCompatProvider>,
);

export function isOpenAiCompatProviderId(id: string): id is OpenAiCompatProviderId {
  return Object.prototype.hasOwnProperty.call(OPENAI_COMPAT_PROVIDERS, id);
}
