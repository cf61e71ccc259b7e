import type { UpstreamAccountConfig } from '../routing/upstream-account';
import { UPSTREAM_PROVIDERS } from './upstream-providers';

/** The provider accounts whose `<PREFIX>_API_KEY` is set in `env`; a provider's catalog models are active then. */
export function providerAccountsFrom(env: Record<string, unknown>): UpstreamAccountConfig[] {
  return UPSTREAM_PROVIDERS.flatMap((provider) => {
    if (!provider.envPrefix) return [];
    const apiKey = env[`${provider.envPrefix}_API_KEY`];
    if (typeof apiKey !== 'string' || apiKey === '') return [];
    const baseUrl = String(env[`${provider.envPrefix}_BASE_URL`] ?? '');
    return [
      {
        id: provider.id,
        protocol: provider.protocol,
        baseUrl: baseUrl.replace(/\/+$/, ''),
        apiKey,
        quirksPreset: provider.quirksPreset ?? provider.id,
      },
    ];
  });
}
