/**
 * The built-in `apilink/echo` demo model. It is not in models.dev; it answers in-process and is
 * priced like a cheap model (gpt-4o-mini's list price) so a demo exercises billing for real.
 */
import { ECHO_MODEL_ID } from '@apilink/contracts';
import type { SeedModelFacts } from './seed-model.mapper';

export const ECHO_MODEL: SeedModelFacts = {
  id: ECHO_MODEL_ID,
  provider: 'apilink',
  upstreamModel: 'echo',
  name: 'ApiLink Echo (demo)',
  ownedBy: 'apilink',
  created: Date.UTC(2026, 0, 1) / 1000,
  contextWindow: 128_000,
  maxOutputTokens: 4_096,
  maxInputTokens: null,
  supportsTools: true,
  supportsVision: true,
  supportsReasoning: false,
  modalities: ['text', 'image'],
  status: 'ga',
  enabled: true,
  disabledReason: null,
  price: {
    inputMicrosPerMTok: 150_000,
    outputMicrosPerMTok: 600_000,
    cachedInputMicrosPerMTok: null,
    cacheWriteMicrosPerMTok: null,
    reasoningMicrosPerMTok: null,
    longContextTiers: [],
  },
};
