export type UserRole = 'customer' | 'support' | 'admin';

/** Who is calling /v1: resolved from the API key by the api-key authenticator. */
export interface ApiKeyPrincipal {
  kind: 'api-key';
  userId: string;
  keyId: string;
  /** Requests per minute for this key (its override or the default). */
  rpmLimit: number;
  /** Per-key spend cap in micro-USD, or null for none. */
  spendCapMicros: bigint | null;
}

/** Who is using the dashboard or admin API: resolved from the session cookie. */
export interface SessionPrincipal {
  kind: 'session';
  userId: string;
  email: string;
  role: UserRole;
  /** The account still has a one-time password from staff: only the password change is open. */
  passwordChangeRequired: boolean;
}

export type Principal = ApiKeyPrincipal | SessionPrincipal;

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}
