/** Collects every UpstreamAdapter implementation; UpstreamAdapterRegistry indexes them by protocol. */
export const UPSTREAM_ADAPTERS = Symbol('UPSTREAM_ADAPTERS');
