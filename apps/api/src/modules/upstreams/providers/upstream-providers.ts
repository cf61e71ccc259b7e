/**
 * Every upstream provider the gateway knows, one row each. The env schema (upstreams.config.ts),
 * the accounts made from `<PREFIX>_API_KEY` / `<PREFIX>_BASE_URL`, and the quirks presets the
 * routes file and the admin API accept are all built from this table: adding an OpenAI-compatible
 * provider is one row here. A new wire protocol also needs an adapter in the completions module.
 *
 * Env variables are named as each provider's official SDK names them. Default base URLs are the
 * ones those SDKs use. Quirk sources: each provider's API reference as of 2025; `streamUsage:
 * 'always'` marks providers that put usage in their last chunk unasked and are not documented to
 * accept stream_options. Anything not listed behaves like OpenAI. Every quirks record is validated
 * when this module loads (quirks-presets.ts), so a bad row fails the boot rather than a request.
 */
import type { UpstreamProtocolName } from '@apilink/contracts';
import type { OpenAiCompatQuirks } from './openai-compat.quirks';

export interface UpstreamProvider {
  /** Catalog provider slug (the part of a model id before the first `/`) and the env account's id. */
  readonly id: string;
  /** Prefix of `<PREFIX>_API_KEY` and `<PREFIX>_BASE_URL`; absent: a quirks preset with no env account. */
  readonly envPrefix?: string;
  readonly protocol: UpstreamProtocolName;
  /** Root the protocol's paths hang off (the adapter appends e.g. `/chat/completions`); no trailing slash. */
  readonly defaultBaseUrl: string;
  /** The preset's name in the routes file and the admin API, when it differs from the id. */
  readonly quirksPreset?: string;
  /** How an `openai`-protocol provider deviates from OpenAI; OpenAI's behaviour when absent. */
  readonly quirks?: Partial<OpenAiCompatQuirks>;
}

// Most compatible servers predate `developer` and `max_completion_tokens`; both have a safe older spelling.
const LEGACY_OPENAI = { developerRole: 'system', renameParams: { max_completion_tokens: 'max_tokens' } } as const;

export const UPSTREAM_PROVIDERS: readonly UpstreamProvider[] = [
  // The only row serving the Responses API: /v1/responses passes through to it natively.
  { id: 'openai', envPrefix: 'OPENAI', protocol: 'openai', defaultBaseUrl: 'https://api.openai.com/v1', quirks: { responsesApi: true } },
  { id: 'anthropic', envPrefix: 'ANTHROPIC', protocol: 'anthropic', defaultBaseUrl: 'https://api.anthropic.com' },
  { id: 'google', envPrefix: 'GEMINI', protocol: 'gemini', defaultBaseUrl: 'https://generativelanguage.googleapis.com' },
  {
    id: 'deepseek',
    envPrefix: 'DEEPSEEK',
    protocol: 'openai',
    defaultBaseUrl: 'https://api.deepseek.com',
    quirks: { ...LEGACY_OPENAI, dropParams: ['reasoning_effort'], flattenTextContent: true },
  },
  {
    id: 'mistral',
    envPrefix: 'MISTRAL',
    protocol: 'openai',
    defaultBaseUrl: 'https://api.mistral.ai/v1',
    // Mistral rejects unknown fields, names the seed `random_seed`, always reports stream usage, and
    // mistral-embed has one vector size (codestral-embed's `output_dimension` is not mapped).
    quirks: {
      ...LEGACY_OPENAI,
      embeddingDimensions: false,
      renameParams: { max_completion_tokens: 'max_tokens', seed: 'random_seed' },
      dropParams: ['user', 'reasoning_effort', 'logit_bias'],
      rejectParams: ['logprobs', 'top_logprobs'],
      streamUsage: 'always',
    },
  },
  {
    id: 'xai',
    envPrefix: 'XAI',
    protocol: 'openai',
    defaultBaseUrl: 'https://api.x.ai/v1',
    quirks: { developerRole: 'system', reasoningTokensOutsideCompletion: true },
  },
  {
    id: 'groq',
    envPrefix: 'GROQ',
    protocol: 'openai',
    defaultBaseUrl: 'https://api.groq.com/openai/v1',
    quirks: { developerRole: 'system', rejectParams: ['n', 'logprobs', 'top_logprobs'], dropParams: ['logit_bias'] },
  },
  {
    id: 'together',
    envPrefix: 'TOGETHER',
    protocol: 'openai',
    defaultBaseUrl: 'https://api.together.xyz/v1',
    quirks: { ...LEGACY_OPENAI, streamUsage: 'always' },
  },
  {
    id: 'fireworks',
    envPrefix: 'FIREWORKS',
    protocol: 'openai',
    defaultBaseUrl: 'https://api.fireworks.ai/inference/v1',
    quirks: { ...LEGACY_OPENAI, streamUsage: 'always' },
  },
  {
    id: 'deepinfra',
    envPrefix: 'DEEPINFRA',
    protocol: 'openai',
    defaultBaseUrl: 'https://api.deepinfra.com/v1/openai',
    quirks: LEGACY_OPENAI,
  },
  {
    id: 'nebius',
    envPrefix: 'NEBIUS',
    protocol: 'openai',
    defaultBaseUrl: 'https://api.tokenfactory.nebius.com/v1',
    quirks: LEGACY_OPENAI,
  },
  {
    id: 'cerebras',
    envPrefix: 'CEREBRAS',
    protocol: 'openai',
    defaultBaseUrl: 'https://api.cerebras.ai/v1',
    quirks: { developerRole: 'system', rejectParams: ['n'], dropParams: ['logit_bias', 'presence_penalty', 'frequency_penalty'] },
  },
  {
    id: 'alibaba',
    envPrefix: 'DASHSCOPE',
    protocol: 'openai',
    defaultBaseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
    quirks: LEGACY_OPENAI,
  },
  {
    id: 'moonshotai',
    envPrefix: 'MOONSHOT',
    protocol: 'openai',
    defaultBaseUrl: 'https://api.moonshot.ai/v1',
    quirksPreset: 'moonshot',
    quirks: LEGACY_OPENAI,
  },
  {
    id: 'zai',
    envPrefix: 'ZAI',
    protocol: 'openai',
    defaultBaseUrl: 'https://api.z.ai/api/paas/v4',
    quirks: { ...LEGACY_OPENAI, rejectParams: ['n'], streamUsage: 'always' },
  },
  // MiniMax documents an Anthropic-shaped endpoint as its primary API.
  { id: 'minimax', envPrefix: 'MINIMAX', protocol: 'anthropic', defaultBaseUrl: 'https://api.minimax.io/anthropic' },
  {
    id: 'cohere',
    envPrefix: 'COHERE',
    protocol: 'openai',
    defaultBaseUrl: 'https://api.cohere.ai/compatibility/v1',
    quirks: {
      ...LEGACY_OPENAI,
      rejectParams: ['n', 'top_logprobs'],
      dropParams: ['user', 'parallel_tool_calls', 'reasoning_effort', 'logit_bias'],
      streamUsage: 'never',
    },
  },
  {
    id: 'perplexity',
    envPrefix: 'PERPLEXITY',
    protocol: 'openai',
    defaultBaseUrl: 'https://api.perplexity.ai',
    // Sonar models have no function calling: silently dropping tools would answer a different question.
    quirks: {
      ...LEGACY_OPENAI,
      rejectParams: ['tools', 'tool_choice', 'n'],
      dropParams: ['parallel_tool_calls', 'seed', 'user', 'logit_bias'],
      streamUsage: 'always',
    },
  },
  // A preset only: OpenRouter has no catalog models of its own, so no env account.
  { id: 'openrouter', protocol: 'openai', defaultBaseUrl: 'https://openrouter.ai/api/v1' },
];
