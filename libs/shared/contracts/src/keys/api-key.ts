/** Request and response bodies of the API key API. */

/** Every secret starts with this; the rest is at least API_KEY_MIN_RANDOM_CHARS base62 characters. */
export const API_KEY_PREFIX = 'al-';
export const API_KEY_MIN_RANDOM_CHARS = 32;
export const API_KEY_NAME_MAX_LENGTH = 100;

export interface CreateApiKeyRequest {
  name: string;
  /** Requests per minute for this key; omitted or null uses the gateway default. */
  rpmLimit?: number | null;
  /** ISO 8601; omitted or null never expires. */
  expiresAt?: string | null;
  /** Spend cap in integer micro-USD as a decimal string (e.g. "5000000" = $5); null for none. */
  spendCapMicros?: string | null;
}

/** Fields omitted stay unchanged; null clears an optional limit. */
export interface UpdateApiKeyRequest {
  name?: string;
  rpmLimit?: number | null;
  expiresAt?: string | null;
  spendCapMicros?: string | null;
}

export type ApiKeyStatus = 'active' | 'revoked' | 'expired';

export interface ApiKeySummary {
  id: string;
  name: string;
  /** Safe to show: `al-AbCd…wxyz`. The secret itself is never returned after creation. */
  displayKey: string;
  status: ApiKeyStatus;
  /** This key's own limit, or null when it uses the gateway default. */
  rpmLimit: number | null;
  /** Micro-USD as a decimal string, or null. */
  spendCapMicros: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}

export interface ApiKeyList {
  data: ApiKeySummary[];
}

/** The only response that carries the full secret: shown once, never stored in clear. */
export interface CreatedApiKey {
  key: ApiKeySummary;
  secret: string;
}
