/** Indexes the injected adapters by protocol and refuses to boot on a duplicate or a gap. */
import { Inject, Injectable } from '@nestjs/common';
import { UPSTREAM_PROTOCOLS, type UpstreamProtocolName } from '@apilink/contracts';
import type { UpstreamAdapter } from './upstream-adapter';
import { UPSTREAM_ADAPTERS } from './upstream-adapter.tokens';

export function buildUpstreamAdapterMap(
  adapters: readonly UpstreamAdapter[],
  required: readonly UpstreamProtocolName[] = UPSTREAM_PROTOCOLS,
): ReadonlyMap<UpstreamProtocolName, UpstreamAdapter> {
  const map = new Map<UpstreamProtocolName, UpstreamAdapter>();
  for (const adapter of adapters) {
    const existing = map.get(adapter.protocol);
    if (existing) {
      throw new Error(
        `Two upstream adapters claim protocol "${adapter.protocol}": ${existing.constructor.name} and ${adapter.constructor.name}`,
      );
    }
    map.set(adapter.protocol, adapter);
  }
  const missing = required.filter((protocol) => !map.has(protocol));
  if (missing.length > 0) {
    throw new Error(`No upstream adapter registered for protocol(s): ${missing.join(', ')}`);
  }
  return map;
}

@Injectable()
export class UpstreamAdapterRegistry {
  private readonly adapters: ReadonlyMap<UpstreamProtocolName, UpstreamAdapter>;

  constructor(@Inject(UPSTREAM_ADAPTERS) adapters: UpstreamAdapter[]) {
    this.adapters = buildUpstreamAdapterMap(adapters);
  }

  get(protocol: UpstreamProtocolName): UpstreamAdapter {
    const adapter = this.adapters.get(protocol);
    // Unreachable for the protocols the type allows, since construction checks them all.
    if (!adapter) throw new Error(`No upstream adapter for protocol "${protocol}"`);
    return adapter;
  }
}
