/**
 * Items of `GET /v1/models`: OpenAI's model object plus the fields other gateways made common, so
 * tools that configure themselves from either OpenRouter's or LiteLLM's names find them.
 */
import type { Model } from '../openai/model';
import type { ModelKind } from './model-catalog-seed';

/** USD per single token as decimal strings, like OpenRouter's `pricing`; absent when not sold apart. */
export interface GatewayModelPricing {
  prompt: string;
  completion: string;
  input_cache_read?: string;
  input_cache_write?: string;
  internal_reasoning?: string;
}

export interface GatewayModelCapabilities {
  tools: boolean;
  vision: boolean;
  reasoning: boolean;
}

export interface GatewayModel extends Model {
  name: string;
  /** `chat` models answer chat completions (and /v1/responses, /v1/messages); `embedding` models /v1/embeddings. */
  kind: ModelKind;
  /** Total tokens (input + output) the model accepts. */
  context_window: number;
  /** Same as context_window, under OpenRouter's name. */
  context_length: number;
  max_output_tokens: number;
  pricing: GatewayModelPricing;
  capabilities: GatewayModelCapabilities;
  /** OpenRouter's shape, read by some editors to size requests. */
  top_provider: { context_length: number; max_completion_tokens: number };
}

export interface GatewayModelList {
  object: 'list';
  data: GatewayModel[];
}
