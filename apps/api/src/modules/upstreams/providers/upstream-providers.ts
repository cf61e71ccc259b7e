/**
 * Upstream accounts configured by environment variables, one per catalog provider, named as each
 * provider's official SDK names them (OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY...).
 * A provider's catalog models are active when its `<PREFIX>_API_KEY` is set.
 */
import type { UpstreamProtocolName } from '@apilink/contracts';

export interface UpstreamProviderDefinition {
  /** Catalog provider slug: the part of a model id before the first `/`. */
  provider: string;
  /** Prefix of `<PREFIX>_API_KEY` and `<PREFIX>_BASE_URL`. */
  envPrefix: string;
  protocol: UpstreamProtocolName;
  /** Built-in quirks record of the OpenAI-compatible adapter, when it differs from the slug. */
  quirksPreset?: string;
}

export const UPSTREAM_PROVIDERS: readonly UpstreamProviderDefinition[] = [
  { provider: 'openai', envPrefix: 'OPENAI', protocol: 'openai' },
  { provider: 'anthropic', envPrefix: 'ANTHROPIC', protocol: 'anthropic' },
  { provider: 'google', envPrefix: 'GEMINI', protocol: 'gemini' },
  { provider: 'deepseek', envPrefix: 'DEEPSEEK', protocol: 'openai' },
  { provider: 'mistral', envPrefix: 'MISTRAL', protocol: 'openai' },
  { provider: 'xai', envPrefix: 'XAI', protocol: 'openai' },
  { provider: 'groq', envPrefix: 'GROQ', protocol: 'openai' },
  { provider: 'together', envPrefix: 'TOGETHER', protocol: 'openai' },
  { provider: 'fireworks', envPrefix: 'FIREWORKS', protocol: 'openai' },
  { provider: 'deepinfra', envPrefix: 'DEEPINFRA', protocol: 'openai' },
  { provider: 'nebius', envPrefix: 'NEBIUS', protocol: 'openai' },
  { provider: 'cerebras', envPrefix: 'CEREBRAS', protocol: 'openai' },
  { provider: 'alibaba', envPrefix: 'DASHSCOPE', protocol: 'openai' },
  { provider: 'moonshotai', envPrefix: 'MOONSHOT', protocol: 'openai', quirksPreset: 'moonshot' },
  { provider: 'zai', envPrefix: 'ZAI', protocol: 'openai' },
  // MiniMax documents an Anthropic-shaped endpoint as its primary API.
  { provider: 'minimax', envPrefix: 'MINIMAX', protocol: 'anthropic' },
  { provider: 'cohere', envPrefix: 'COHERE', protocol: 'openai' },
  { provider: 'perplexity', envPrefix: 'PERPLEXITY', protocol: 'openai' },
];

/** An upstream account the gateway can send requests to. */
export interface UpstreamAccountConfig {
  /** Provider slug for env accounts, the file's name for routes-file upstreams. */
  id: string;
  protocol: UpstreamProtocolName;
  baseUrl: string;
  apiKey: string;
  /** Built-in quirks record (OpenAI-compatible adapter) to apply. */
  quirksPreset?: string;
  /** Raw quirks from the routes file; the completions module validates them at boot. */
  quirks?: unknown;
  /** Per-attempt limit for the response headers (database accounts); absent: the gateway's defaults. */
  timeoutMs?: number | null;
  /** An admin-entered URL (database accounts): its host's addresses are re-checked at every connect. */
  guardAddresses?: boolean;
}

/** The provider accounts whose `<PREFIX>_API_KEY` is set in `env`. */
export function providerAccountsFrom(env: Record<string, unknown>): UpstreamAccountConfig[] {
  return UPSTREAM_PROVIDERS.flatMap((definition) => {
    const apiKey = env[`${definition.envPrefix}_API_KEY`];
    if (typeof apiKey !== 'string' || apiKey === '') return [];
    const baseUrl = String(env[`${definition.envPrefix}_BASE_URL`] ?? '');
    return [
      {
        id: definition.provider,
        protocol: definition.protocol,
        baseUrl: baseUrl.replace(/\/+$/, ''),
        apiKey,
        quirksPreset: definition.quirksPreset ?? definition.provider,
      },
    ];
  });
}
