/** Upstream provider accounts managed by admins (`/api/admin/upstreams`). */
import type { UpstreamProtocolName } from '../upstreams/upstream-protocols';

/** Lowercase letters, digits, `.`, `_` and `-`; unique. */
export const UPSTREAM_ACCOUNT_NAME_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
export const UPSTREAM_TIMEOUT_MS_MIN = 1_000;
export const UPSTREAM_TIMEOUT_MS_MAX = 600_000;

export interface UpstreamModelRoute {
  /** The gateway's model id, `<provider>/<model>`. */
  model: string;
  /** The id this upstream knows the model by; null sends the catalog's upstream id. */
  upstreamModel: string | null;
  /** Lower is tried first among every upstream serving the model. */
  priority: number;
}

export interface UpstreamAccount {
  id: string;
  name: string;
  protocol: UpstreamProtocolName;
  baseUrl: string;
  /** The API key itself is never returned: only its last 4 characters. */
  apiKeyLast4: string;
  /** A built-in OpenAI-compatible provider whose quirks apply (e.g. `deepseek`), or null. */
  quirksPreset: string | null;
  /** Quirks of its own on top of the preset (OpenAI-compatible protocol only). */
  quirks: Record<string, unknown> | null;
  /** Null uses the gateway's request timeout. */
  timeoutMs: number | null;
  enabled: boolean;
  models: UpstreamModelRoute[];
  createdAt: string;
  updatedAt: string;
}

export interface UpstreamAccountList {
  data: UpstreamAccount[];
}

export interface UpstreamModelRouteInput {
  model: string;
  upstreamModel?: string | null;
  priority: number;
}

export interface CreateUpstreamAccountRequest {
  name: string;
  protocol: UpstreamProtocolName;
  /** https (http only with UPSTREAM_ALLOW_PRIVATE_NETWORKS); must not resolve to private or metadata addresses. */
  baseUrl: string;
  apiKey: string;
  quirksPreset?: string | null;
  quirks?: Record<string, unknown> | null;
  timeoutMs?: number | null;
  enabled?: boolean;
  models: UpstreamModelRouteInput[];
  reason?: string;
}

/** Fields omitted stay unchanged; `apiKey` rotates the key; `models` replaces the whole list. */
export interface UpdateUpstreamAccountRequest {
  name?: string;
  baseUrl?: string;
  apiKey?: string;
  quirksPreset?: string | null;
  quirks?: Record<string, unknown> | null;
  timeoutMs?: number | null;
  models?: UpstreamModelRouteInput[];
  reason?: string;
}
