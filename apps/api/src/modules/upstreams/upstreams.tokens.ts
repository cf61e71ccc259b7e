/** PUB_SUB channel telling every instance to reload the upstream accounts from the database. */
export const UPSTREAMS_CHANGED_CHANNEL = 'upstreams:changed';

/** The cipher for upstream API keys, or null when UPSTREAM_ENCRYPTION_KEY is not set. */
export const UPSTREAM_KEY_CIPHER = Symbol('UPSTREAM_KEY_CIPHER');

/** Resolves a hostname to every address it has (DNS in production, a table in tests). */
export const UPSTREAM_HOST_RESOLVER = Symbol('UPSTREAM_HOST_RESOLVER');
