import { GATEWAY_ROUTES } from '@apilink/contracts';

const MESSAGES = GATEWAY_ROUTES.messages;

/** The Anthropic-compatible routes: their errors use Anthropic's envelope and they echo `request-id`. */
export function isAnthropicRoute(url: string): boolean {
  return url === MESSAGES || url.startsWith(`${MESSAGES}/`) || url.startsWith(`${MESSAGES}?`);
}
