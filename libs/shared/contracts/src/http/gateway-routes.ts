/**
 * The gateway's /v1 surface (API key): OpenAI's routes, Anthropic's Messages API and the credits
 * endpoint (`CREDITS_PATH`). The API mounts these strings as they are.
 */
export const GATEWAY_ROUTES = {
  chatCompletions: '/v1/chat/completions',
  embeddings: '/v1/embeddings',
  responses: '/v1/responses',
  models: '/v1/models',
  /** One model: ids contain a slash (`openai/gpt-4o`), so the rest of the path is the id. */
  model: '/v1/models/*',
  /** Anthropic's Messages API; its errors use Anthropic's envelope. */
  messages: '/v1/messages',
  countTokens: '/v1/messages/count_tokens',
} as const;
