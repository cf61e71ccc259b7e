/** The Anthropic-compatible routes: their errors use Anthropic's envelope and they echo `request-id`. */
export function isAnthropicRoute(url: string): boolean {
  return url === '/v1/messages' || url.startsWith('/v1/messages/') || url.startsWith('/v1/messages?');
}
