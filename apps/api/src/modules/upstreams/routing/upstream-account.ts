import type { UpstreamProtocolName } from '@apilink/contracts';

/** An upstream account the gateway can send requests to (env, routes file or database). */
export interface UpstreamAccountConfig {
  /** Provider slug for env accounts, the file's name for routes-file upstreams, `db:<name>` for database ones. */
  id: string;
  protocol: UpstreamProtocolName;
  baseUrl: string;
  apiKey: string;
  /** Quirks preset (OpenAI-compatible adapter) to apply. */
  quirksPreset?: string;
  /** Raw quirks from the routes file or the database; checked at boot by accountQuirks(). */
  quirks?: unknown;
  /** Per-attempt limit for the response headers (database accounts); absent: the gateway's defaults. */
  timeoutMs?: number | null;
  /** An admin-entered URL (database accounts): its host's addresses are re-checked at every connect. */
  guardAddresses?: boolean;
}
