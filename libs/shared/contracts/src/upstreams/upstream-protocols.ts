/** The wire protocols the gateway speaks to upstreams; each has one adapter in the API. */
export const UPSTREAM_PROTOCOLS = ['openai', 'anthropic', 'gemini'] as const;
export type UpstreamProtocolName = (typeof UPSTREAM_PROTOCOLS)[number];
