/**
 * The quirks presets an account may name (routes file `preset:`, admin API `quirksPreset`): one per
 * `openai`-protocol row of the provider table, validated when this module loads.
 */
import { validateQuirks, type OpenAiCompatQuirks } from './openai-compat.quirks';
import { UPSTREAM_PROVIDERS } from './upstream-providers';

export const QUIRKS_PRESETS: ReadonlyMap<string, OpenAiCompatQuirks> = new Map(
  UPSTREAM_PROVIDERS.filter((provider) => provider.protocol === 'openai').map((provider) => [
    provider.quirksPreset ?? provider.id,
    Object.freeze(validateQuirks(provider.quirks ?? {}, `provider ${provider.id}`)),
  ]),
);
