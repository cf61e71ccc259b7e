/**
 * Checks the parts of an upstream account that plain DTO validation cannot: quirks against the
 * OpenAI-compatible adapter's schema and the preset against the provider table's presets.
 */
import { AppError } from '../../common/errors/app-error';
import { validateQuirks } from './providers/openai-compat.quirks';
import { QUIRKS_PRESETS } from './providers/quirks-presets';
import type { UpstreamAccountEntity } from './entities/upstream-account.entity';

export function checkQuirkSettings(
  protocol: UpstreamAccountEntity['protocol'],
  quirksPreset: string | null,
  quirks: Record<string, unknown> | null,
): void {
  if (protocol !== 'openai') {
    if (quirksPreset) throw AppError.invalidRequest('quirksPreset applies to the openai protocol only', 'quirksPreset');
    if (quirks) throw AppError.invalidRequest('quirks apply to the openai protocol only', 'quirks');
    return;
  }
  if (quirksPreset && !QUIRKS_PRESETS.has(quirksPreset)) {
    throw AppError.invalidRequest(`Unknown quirks preset "${quirksPreset}"`, 'quirksPreset');
  }
  if (quirks) {
    try {
      validateQuirks(quirks);
    } catch (error) {
      throw AppError.invalidRequest((error as Error).message, 'quirks');
    }
  }
}

/** The same model twice on one account has no defined order. */
export function checkModelList(models: readonly { model: string }[]): void {
  const seen = new Set<string>();
  for (const { model } of models) {
    if (seen.has(model)) throw AppError.invalidRequest(`Model ${model} is listed twice`, 'models');
    seen.add(model);
  }
}
