/** The model catalog as admins manage it (`/api/admin/models`). Prices are per 1,000,000 tokens. */
import type { Money } from '../billing/money';
import type { GatewayModelCapabilities } from '../models/gateway-model';

export interface AdminLongContextTier {
  /** Applies to the whole request when its input exceeds this many tokens. */
  aboveInputTokens: number;
  inputPerMTok: Money;
  outputPerMTok: Money;
  cachedInputPerMTok: Money | null;
}

export interface AdminModelPrice {
  effectiveFrom: string;
  inputPerMTok: Money;
  outputPerMTok: Money;
  /** Null: cached input is billed at the input price. */
  cachedInputPerMTok: Money | null;
  cacheWritePerMTok: Money | null;
  /** Null: reasoning tokens are billed at the output price. */
  reasoningPerMTok: Money | null;
  longContextTiers: AdminLongContextTier[];
}

export interface AdminModel {
  id: string;
  name: string;
  provider: string;
  upstreamModel: string;
  /** The admin switch: off means never listed or served. */
  enabled: boolean;
  /** Served right now: enabled, priced and routed to at least one upstream. */
  active: boolean;
  /** Upstream account ids that serve it, in failover order (env, routes file or database). */
  upstreams: string[];
  contextWindow: number;
  maxOutputTokens: number;
  /** Other names clients may send as `model`; each resolves to this model. */
  aliases: string[];
  /** Output cap assumed when a request sets none; null: the model's maximum. */
  defaultMaxOutputTokens: number | null;
  /** What the gateway lets requests use: tools and images are refused with a 400 when off. */
  capabilities: GatewayModelCapabilities;
  /** The price in force now, or null when none applies yet. */
  currentPrice: AdminModelPrice | null;
  /** Every version, newest first; past usage keeps the price that applied when it ran. */
  priceHistory: AdminModelPrice[];
}

export interface AdminModelList {
  data: AdminModel[];
}

/** `PATCH /api/admin/models/{id}`: fields omitted stay unchanged. */
export interface UpdateAdminModelRequest {
  /** Replaces the list; each alias must not be another model's id or alias. */
  aliases?: string[];
  /** Null returns to the model's maximum. */
  defaultMaxOutputTokens?: number | null;
  /** Corrects the catalog's capability flags; flags omitted stay unchanged. */
  capabilities?: Partial<GatewayModelCapabilities>;
  reason?: string;
}

export const MODEL_ALIAS_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$/;
export const MODEL_ALIASES_MAX = 20;

/** USD per 1M tokens as decimal strings with at most 6 decimals, e.g. "2.5". */
export interface NewModelPriceRequest {
  inputPerMTokUsd: string;
  outputPerMTokUsd: string;
  cachedInputPerMTokUsd?: string | null;
  cacheWritePerMTokUsd?: string | null;
  reasoningPerMTokUsd?: string | null;
  reason?: string;
}
