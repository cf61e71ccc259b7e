/** Token usage as OpenAI reports it; every adapter normalises its upstream's counts into this. */
export interface CompletionUsage {
  /** All input tokens, including cached ones. */
  prompt_tokens: number;
  /** All output tokens, including reasoning tokens. */
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: {
    /** Input tokens served from the provider's prompt cache (a subset of prompt_tokens). */
    cached_tokens?: number;
    audio_tokens?: number;
  };
  completion_tokens_details?: {
    /** Hidden reasoning tokens (a subset of completion_tokens). */
    reasoning_tokens?: number;
    audio_tokens?: number;
    accepted_prediction_tokens?: number;
    rejected_prediction_tokens?: number;
  };
  /**
   * ApiLink's addition: what the request costs in USD, a decimal string with 6 places (micro-USD
   * precision, e.g. "0.000123"). It is the cost of these counts at the request's prices, exactly what
   * settlement charges (the usage record's cost plus any uncollected part).
   */
  cost?: string;
}
