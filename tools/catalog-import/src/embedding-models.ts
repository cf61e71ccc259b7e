/**
 * Embedding models the gateway sells on /v1/embeddings. models.dev lists chat models only, so they
 * are kept here, with list prices per 1M input tokens from each provider's price page (no output
 * is billed): OpenAI text-embedding-3-small $0.02 and -large $0.13, Google gemini-embedding-001
 * $0.15, Mistral mistral-embed $0.10. `contextWindow` is the most input tokens one input may have.
 */
import type { SeedModelFacts } from './seed-model.mapper';

interface EmbeddingModelFacts {
  id: string;
  name: string;
  ownedBy: string;
  released: string;
  maxInputTokens: number;
  inputMicrosPerMTok: number;
}

const MODELS: EmbeddingModelFacts[] = [
  {
    id: 'openai/text-embedding-3-small',
    name: 'OpenAI: text-embedding-3-small',
    ownedBy: 'openai',
    released: '2024-01-25',
    maxInputTokens: 8_191,
    inputMicrosPerMTok: 20_000,
  },
  {
    id: 'openai/text-embedding-3-large',
    name: 'OpenAI: text-embedding-3-large',
    ownedBy: 'openai',
    released: '2024-01-25',
    maxInputTokens: 8_191,
    inputMicrosPerMTok: 130_000,
  },
  {
    id: 'google/gemini-embedding-001',
    name: 'Google: Gemini Embedding 001',
    ownedBy: 'google',
    released: '2025-07-14',
    maxInputTokens: 2_048,
    inputMicrosPerMTok: 150_000,
  },
  {
    id: 'mistral/mistral-embed',
    name: 'Mistral: Mistral Embed',
    ownedBy: 'mistral',
    released: '2023-12-11',
    maxInputTokens: 8_192,
    inputMicrosPerMTok: 100_000,
  },
];

export const EMBEDDING_MODELS: SeedModelFacts[] = MODELS.map((model) => ({
  id: model.id,
  kind: 'embedding',
  provider: model.id.slice(0, model.id.indexOf('/')),
  upstreamModel: model.id.slice(model.id.indexOf('/') + 1),
  name: model.name,
  ownedBy: model.ownedBy,
  created: Date.parse(`${model.released}T00:00:00Z`) / 1000,
  contextWindow: model.maxInputTokens,
  maxOutputTokens: 0,
  maxInputTokens: model.maxInputTokens,
  supportsTools: false,
  supportsVision: false,
  supportsReasoning: false,
  modalities: ['text'],
  status: 'ga',
  enabled: true,
  disabledReason: null,
  price: {
    inputMicrosPerMTok: model.inputMicrosPerMTok,
    outputMicrosPerMTok: 0,
    cachedInputMicrosPerMTok: null,
    cacheWriteMicrosPerMTok: null,
    reasoningMicrosPerMTok: null,
    longContextTiers: [],
  },
}));
