import { QUIRKS_PRESETS } from './quirks-presets';
import { OPENAI_QUIRKS, validateQuirks, type OpenAiCompatQuirks } from './openai-compat.quirks';
import type { UpstreamAccountConfig } from '../routing/upstream-account';

/**
 * An account's quirks: its preset's, overridden by its own record; only the OpenAI-compatible
 * adapter reads them. Throws on a bad record or an unknown preset (checked for every account at boot).
 */
export function accountQuirks(account: UpstreamAccountConfig): OpenAiCompatQuirks | undefined {
  if (account.protocol !== 'openai') {
    if (account.quirks !== undefined) throw new Error(`upstream ${account.id}: quirks apply to the openai protocol only`);
    return undefined;
  }
  let base = OPENAI_QUIRKS;
  if (account.quirksPreset !== undefined) {
    const preset = QUIRKS_PRESETS.get(account.quirksPreset);
    if (!preset) {
      throw new Error(`upstream ${account.id}: unknown preset "${account.quirksPreset}" (known: ${[...QUIRKS_PRESETS.keys()].join(', ')})`);
    }
    base = preset;
  }
  if (account.quirks === undefined) return base;
  return validateQuirks({ ...base, ...(account.quirks as object) }, `upstream ${account.id} quirks`);
}
