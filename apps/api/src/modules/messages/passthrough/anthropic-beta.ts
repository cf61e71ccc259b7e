/**
 * The `anthropic-beta` flags passed on to Anthropic upstreams; others are dropped. Listed: the ones
 * Claude Code and the SDKs send that change no price the catalog does not know. Left out on
 * purpose: `context-1m-*` (input past 200k tokens is billed at a higher tier) and `oauth-*` (an
 * auth scheme for Anthropic's own accounts, meaningless with the gateway's key).
 */
const ALLOWED_BETAS = new Set([
  'claude-code-20250219',
  'interleaved-thinking-2025-05-14',
  'fine-grained-tool-streaming-2025-05-14',
  'token-efficient-tools-2025-02-19',
  'prompt-caching-2024-07-31',
  'extended-cache-ttl-2025-04-11',
  'output-128k-2025-02-19',
  'context-management-2025-06-27',
  'tool-examples-2025-10-29',
  'effort-2025-11-24',
]);

/** The allowed flags of a client's `anthropic-beta` header(s), comma-joined; null when none. */
export function allowedBetas(header: string | string[] | undefined): string | null {
  const values = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((flag) => flag.trim());
  const allowed = [...new Set(values.filter((flag) => ALLOWED_BETAS.has(flag)))];
  return allowed.length > 0 ? allowed.join(',') : null;
}
